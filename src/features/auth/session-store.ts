import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { PlexUser } from '../../domain';
import { secretStateStorage } from '../../lib/secret-storage';

/** Whether plex.tv confirmed the token this session (200), or could not say (offline, 5xx). */
export type TokenCheck = 'unchecked' | 'valid' | 'unverified';

export interface SessionState {
  token: string | null;
  user: PlexUser | null;
  tokenCheck: TokenCheck;
  /** Why the last session ended, shown once on the sign-in screen. */
  endedBecause: string | null;
  signedIn(token: string, user: PlexUser): void;
  tokenChecked(result: { user: PlexUser } | { unverified: true }): void;
  signedOut(reason?: string): void;
  clearNotice(): void;
}

export const SESSION_KEY = 'session';

export const useSessionStore = create<SessionState>()(
  persist(
    (setState) => ({
      token: null,
      user: null,
      tokenCheck: 'unchecked',
      endedBecause: null,
      signedIn: (token, user) => setState({ token, user, tokenCheck: 'valid', endedBecause: null }),
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
      storage: createJSONStorage(() => secretStateStorage),
      partialize: (state) => ({ token: state.token, user: state.user }),
    },
  ),
);
