import { useStore, type StoreApi } from 'zustand';

/**
 * When a tap starts a track, the sound goes first and the screen follows it.
 *
 * Why: in Chromium a media element's fetch starts only after the frame that follows the input,
 * and the bytes of a media stream are handed to the player on the page's main thread. A tap that
 * re-renders the screen at once (the mini player appears, the row lights up, the seek bar
 * resets) makes that frame heavier and keeps the main thread busy while the first bytes arrive,
 * which delays the sound (docs/decisions/029 has the figures). So after such a tap,
 * React hears about the player's state only once the track is playing, or after HOLD_MAX_MS on
 * a slow network. The tap itself still shows at once (the pressed row, focus), and the audio
 * side (controller, engine, media session) sees every change immediately: only the views wait.
 */
export const HOLD_MAX_MS = 100;

let holdTimer: ReturnType<typeof setTimeout> | undefined;
const waiting = new Set<() => void>();

/** A tap is starting a track: hold the screen's updates until it sounds (or HOLD_MAX_MS). */
export function holdScreen(): void {
  clearTimeout(holdTimer);
  holdTimer = setTimeout(releaseScreen, HOLD_MAX_MS);
}

/** The track sounds, failed or was paused: the screen catches up with everything held. */
export function releaseScreen(): void {
  clearTimeout(holdTimer);
  holdTimer = undefined;
  for (const notify of [...waiting]) {
    waiting.delete(notify);
    notify();
  }
}

export const isScreenHeld = (): boolean => holdTimer !== undefined;

/**
 * A store as React should see it: the same state, with change notices held while a tap's track
 * starts. A component rendered meanwhile for another reason reads the live state (React reads
 * through getState), so nothing shown is ever older than the store, only later.
 */
export function pacedView<T>(
  api: StoreApi<T>,
): Pick<StoreApi<T>, 'getState' | 'getInitialState' | 'subscribe'> {
  return {
    ...api,
    subscribe(listener) {
      const notify = () => listener(api.getState(), api.getState());
      const unsubscribe = api.subscribe(() => (holdTimer ? waiting.add(notify) : notify()));
      return () => {
        waiting.delete(notify);
        unsubscribe();
      };
    },
  };
}

/** The hook components use: `useStore` over the paced view. */
export function pacedHook<T>(api: StoreApi<T>) {
  const view = pacedView(api);
  return <U>(selector: (state: T) => U): U => useStore(view, selector);
}
