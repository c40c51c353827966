import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useCallback, useEffect } from 'react';
import type { PlexUser } from '../domain';
import { usePlexServices } from '../lib/plex-context';
import { claimDeviceFor } from './account-data';
import { CodeBoundary } from './code-boundary';
import { firstScreenCode, SignInReturnScreen, SignInScreen } from './screen-code';
import { announceSessionChange } from './session-sync';

const base = import.meta.env.BASE_URL;

/** app.plex.tv sends the user back here (features/auth/sign-in-button.tsx's forwardUrl). */
export function isSignInReturn(): boolean {
  return window.location.pathname === `${base}sign-in/return`;
}

/** Signed in: the app's start page, which the router sends on to the playlists. */
function goToStart(): void {
  window.history.replaceState(null, '', base);
}

/**
 * Signed out, every address shows the sign-in screen, and the return from app.plex.tv finishes
 * the sign-in. Neither needs the router: a signed-out start fetches only these screens
 * (docs/decisions/022).
 */
export function SignedOut() {
  const queryClient = useQueryClient();
  const { plexTv, clientInfo } = usePlexServices();
  const claimDevice = useCallback(
    async (user: PlexUser, token: string) => {
      await claimDeviceFor(queryClient, user);
      // The servers and their probes start now, not once the app's screens have mounted. Their
      // code comes with the sign-in, not with the sign-in screen (decision 022).
      void import('../features/servers/use-servers')
        .then((m) => m.startServers(queryClient, plexTv, clientInfo, { token, userId: user.id }))
        .catch(() => undefined);
    },
    [queryClient, plexTv, clientInfo],
  );
  const returning = isSignInReturn();
  // Back from app.plex.tv, the app is about to open: fetch its code while the sign-in finishes,
  // not after (on a relay, every round trip after the sign-in delays the first playlist).
  useEffect(() => {
    if (returning) void firstScreenCode().catch(() => undefined);
  }, [returning]);
  const signedIn = useCallback(() => {
    goToStart();
    announceSessionChange();
  }, []);
  // Preloaded at boot when nobody is signed in (main.tsx), so this shows no fallback then.
  return (
    <CodeBoundary>
      <Suspense fallback={null}>
        {returning ? (
          <SignInReturnScreen beforeSignedIn={claimDevice} onSignedIn={signedIn} />
        ) : (
          <SignInScreen />
        )}
      </Suspense>
    </CodeBoundary>
  );
}
