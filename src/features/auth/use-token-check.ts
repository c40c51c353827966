import { useEffect } from 'react';
import { isPlexError } from '../../lib/plex/errors';
import { usePlexServices } from '../../lib/plex-context';
import { useSessionStore } from './session-store';

export const REVOKED_MESSAGE = 'Your Plex sign-in has expired or was revoked. Sign in again.';

/**
 * Checks the stored token once per start: 200 keeps it (and refreshes the user), 401 ends the
 * session; anything else (offline, 5xx) proves nothing, so the session stays.
 */
export function useTokenCheck(onRevoked: () => void) {
  const { plexTv } = usePlexServices();
  const token = useSessionStore((s) => s.token);
  const tokenCheck = useSessionStore((s) => s.tokenCheck);
  const tokenChecked = useSessionStore((s) => s.tokenChecked);

  useEffect(() => {
    if (!token || tokenCheck !== 'unchecked') return;
    const controller = new AbortController();
    plexTv.getUser(token, controller.signal).then(
      (user) => tokenChecked({ user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isPlexError(error, 'unauthorized')) onRevoked();
        else tokenChecked({ unverified: true });
      },
    );
    return () => controller.abort();
  }, [plexTv, token, tokenCheck, tokenChecked, onRevoked]);
}
