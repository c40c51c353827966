import { useEffect, useState } from 'react';
import { deployGuideUrl } from '../config';
import { Button } from '../ui/button';
import {
  dismissSharedOriginNotice,
  readOriginFacts,
  sharedOriginNoticeDismissed,
  sharedOriginSigns,
} from './shared-origin';
import { whenQuiet } from '../lib/when-quiet';

/** The deploy guide's section on shared origins (deploy/README.md; GitHub's heading anchor). */
const SHARED_ORIGIN_SECTION = 'a-project-page-shares-its-origin';

/**
 * Said once per build, after sign-in: this copy of PlexM8 shares its web address with other
 * pages, and what that lets them do. "Got it" is remembered (shell/shared-origin.ts).
 */
export function SharedOriginNotice() {
  const [shared, setShared] = useState(false);
  useEffect(() => {
    if (sharedOriginNoticeDismissed()) return;
    let live = true;
    // Listing the origin's databases costs the start time and an IndexedDB round trip: it can
    // wait until the first screen is up (decision 022).
    void whenQuiet()
      .then(readOriginFacts)
      .then((facts) => {
        if (live && sharedOriginSigns(facts).length > 0) setShared(true);
      });
    return () => {
      live = false;
    };
  }, []);
  if (!shared) return null;
  const gotIt = () => {
    dismissSharedOriginNotice();
    setShared(false);
  };
  return (
    <div className="app-banner" role="status">
      <span>
        This copy of PlexM8 shares its web address ({window.location.host}) with other pages. Any of
        them could use your Plex sign-in from this browser or change how PlexM8 works.{' '}
        <a
          href={`${deployGuideUrl}#${SHARED_ORIGIN_SECTION}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          What this means
        </a>
      </span>
      <Button variant="quiet" onClick={gotIt}>
        Got it
      </Button>
    </div>
  );
}
