import type { QueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useState } from 'react';
import { AccountMenu } from '../features/auth';
import { lazyComponent } from '../lib/lazy-component';
import { usePlexServices } from '../lib/plex-context';
import { useDownloadsStore } from '../features/downloads';
import { signOutEverywhere } from './sign-out';

const SignOutDialog = lazyComponent(
  () => import('./sign-out-dialog'),
  (m) => m.SignOutDialog,
);

/**
 * "Sign out": everything of the account goes (tokens, user, cached library, queue). Downloads are
 * the one thing people may want to keep on the device: with some there, PlexM8 asks.
 */
export function SignOutFlow({ queryClient }: { queryClient: QueryClient }) {
  const { plexTv } = usePlexServices();
  const downloaded = useDownloadsStore((s) => s.summary.done);
  const [asking, setAsking] = useState(false);
  const cancel = useCallback(() => setAsking(false), []);
  const signOut = (keepDownloads: boolean) => {
    setAsking(false);
    void signOutEverywhere(queryClient, undefined, {
      keepDownloads,
      forgetDevice: (token, signal) => plexTv.forgetThisDevice(token, signal),
    });
  };
  return (
    <>
      <AccountMenu onSignOut={() => (downloaded > 0 ? setAsking(true) : signOut(false))} />
      {asking ? (
        <Suspense fallback={null}>
          <SignOutDialog downloaded={downloaded} onSignOut={signOut} onCancel={cancel} />
        </Suspense>
      ) : null}
    </>
  );
}
