import { useState } from 'react';
import { isSafariEngine, runsInstalled } from '../../lib/platform/browser-engine';
import { Notice } from '../../ui/notice';
import type { StorageInfo } from './use-storage';

/**
 * Safari (every iOS browser is Safari's engine) keeps a tab's storage apart from the Home
 * Screen app's, and may delete what script wrote after 7 days without use unless the site runs
 * from the Home Screen; storage the browser promised to keep (`persisted()`) is safe. So a
 * Safari tab whose storage isn't persisted says so (docs/decisions/011).
 */
export function SafariTabNote({ storage }: { storage: StorageInfo }) {
  const [inSafariTab] = useState(() => isSafariEngine() && !runsInstalled());
  // No StorageManager (Safari before 15.2, WebKitGTK here) can't have promised anything either.
  const atRisk = storage.persisted === false || storage.noStorageApi === true;
  if (!inSafariTab || !atRisk) return null;
  return (
    <Notice tone="warning" title="Safari may delete these downloads.">
      <p>
        In a browser tab they are kept apart from PlexM8 on your Home Screen, and Safari may delete
        them after 7 days without opening PlexM8. Add PlexM8 to your Home Screen (on a Mac, to the
        Dock) to keep them.
      </p>
    </Notice>
  );
}
