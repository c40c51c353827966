import { useEffect } from 'react';

/**
 * Fetches the code of the screens one tap away from the one shown, once it has painted and the
 * page is idle. Waiting for the whole app to be quiet (main.tsx) is too late for these: right
 * after sign-in the service worker's precache keeps the network busy for seconds, and a tap on a
 * playlist then waited for its screen's code (docs/decisions/022).
 */
export function useNextScreens(next: ReadonlyArray<() => Promise<unknown>> | undefined): void {
  useEffect(() => {
    if (!next?.length) return;
    const load = () => {
      // A chunk that can't be fetched now is fetched again by the route, which says so.
      for (const screen of next) void screen().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback !== 'function') {
      const timer = setTimeout(load, 0);
      return () => clearTimeout(timer);
    }
    const idle = window.requestIdleCallback(load, { timeout: 1_000 });
    return () => window.cancelIdleCallback(idle);
  }, [next]);
}
