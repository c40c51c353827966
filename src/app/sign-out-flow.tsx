import type { QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { AccountMenu } from '../features/auth';
import { countOf } from '../lib/format';
import { Button } from '../ui/button';
import { useDownloadsSelector } from './downloads-bridge';
import { signOutEverywhere } from './sign-out';
import './sign-out-flow.css';

/**
 * "Sign out": everything of the account goes (tokens, user, cached library, queue). Downloads are
 * the one thing people may want to keep on the device: with some there, PlexM8 asks.
 */
export function SignOutFlow({ queryClient }: { queryClient: QueryClient }) {
  const downloaded = useDownloadsSelector((s) => Object.keys(s.onDevice).length, 0);
  const [asking, setAsking] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!asking) return;
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setAsking(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [asking]);
  const signOut = (keepDownloads: boolean) => {
    setAsking(false);
    void signOutEverywhere(queryClient, undefined, { keepDownloads });
  };
  return (
    <>
      <AccountMenu onSignOut={() => (downloaded > 0 ? setAsking(true) : signOut(false))} />
      {asking
        ? createPortal(
            <div className="modal-backdrop">
              <div
                className="modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby="sign-out-title"
                aria-describedby="sign-out-text"
              >
                <h2 id="sign-out-title">Sign out of PlexM8?</h2>
                <p id="sign-out-text">
                  {countOf(downloaded, 'downloaded track')} {downloaded === 1 ? 'is' : 'are'} on
                  this device. Keep {downloaded === 1 ? 'it' : 'them'} for the next sign-in, or
                  delete {downloaded === 1 ? 'it' : 'them'} with the rest?
                </p>
                <div className="modal-actions">
                  <Button ref={first} variant="primary" onClick={() => signOut(true)}>
                    Sign out, keep downloads
                  </Button>
                  <Button onClick={() => signOut(false)}>Sign out and delete downloads</Button>
                  <Button variant="quiet" onClick={() => setAsking(false)}>
                    Cancel
                  </Button>
                </div>
              </div>
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
