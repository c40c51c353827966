import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PlexUser } from '../../domain';
import { secretStateStorage } from '../../lib/secret-storage';
import { sessionShape } from './session-shape';

/** Whether plex.tv confirmed the token this session (200), or could not say (offline, 5xx). */
type TokenCheck = 'unchecked' | 'valid' | 'unverified';

export interface SessionState {
  token: string | null;
  user: PlexUser | null;
  tokenCheck: TokenCheck;
  /** Why the last session ended, shown once on the sign-in screen. */
  endedBecause: string | null;
  /** Sign-out couldn't remove this browser from the Plex account: the user is told where to. */
  deviceLeftOnAccount: boolean;
  signedIn(token: string, user: PlexUser): void;
  tokenChecked(result: { user: PlexUser } | { unverified: true }): void;
  /** A server said 401 mid-session: ask plex.tv again whether the sign-in still holds. */
  recheckToken(): void;
  signedOut(reason?: string): void;
  deviceStillListed(): void;
  clearNotice(): void;
}

export const SESSION_KEY = 'session';

let lastRecheck = -Infinity;

export const useSessionStore = create<SessionState>()(
  persist(
    (setState) => ({
      token: null,
      user: null,
      tokenCheck: 'unchecked',
      endedBecause: null,
      deviceLeftOnAccount: false,
      signedIn: (token, user) =>
        setState({
          token,
          user,
          tokenCheck: 'valid',
          endedBecause: null,
          deviceLeftOnAccount: false,
        }),
      deviceStillListed: () => setState({ deviceLeftOnAccount: true }),
      recheckToken: () => {
        // Monotonic: a wall clock set back must not silence the check for as long.
        const now = performance.now();
        // Many requests fail together: one check, and not more than one a minute.
        if (now - lastRecheck < 60_000) return;
        lastRecheck = now;
        setState((s) =>
          s.token && s.tokenCheck !== 'unchecked' ? { tokenCheck: 'unchecked' } : s,
        );
      },
      tokenChecked: (result) =>
        setState(
          'user' in result
            ? { user: result.user, tokenCheck: 'valid' }
            : { tokenCheck: 'unverified' },
        ),
      signedOut: (reason) =>
        setState({
          token: null,
          user: null,
          tokenCheck: 'unchecked',
          endedBecause: reason ?? null,
        }),
      clearNotice: () => setState({ endedBecause: null }),
    }),
    {
      name: SESSION_KEY,
      ...sessionShape<SessionState>(createJSONStorage(() => secretStateStorage)),
      partialize: (state) => ({ token: state.token, user: state.user }),
    },
  ),
);
