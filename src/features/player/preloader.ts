import type { Track } from '../../domain';
import { pageHidden } from '../../lib/platform/page-hidden';
import { PRELOAD_AFTER_MS, whenResolved, type ControllerDeps } from './controller-deps';
import type { SourceResult } from './playback-source';
import { usePlayerStore } from './player-store';
import * as q from './queue';

/**
 * Tracks fetched ahead of their moment: the next one in the queue (a second after the current one
 * starts), and one the mouse is pressed on (so the click finds it on its way).
 */
export function createPreloader(
  { engine, resolve }: Pick<ControllerDeps, 'engine' | 'resolve'>,
  /** Answers that arrive once the player has stopped are let go. */
  isStopped: () => boolean,
  letGo: (source: SourceResult) => void,
) {
  const store = usePlayerStore;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** The track last pressed on: an answer for an older one is let go. */
  let primed: Track | null = null;

  function cancel() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function preloadNext() {
    cancel();
    const s = store.getState();
    const index = q.nextIndex(s.queue, 'ended');
    const nextItem = index === null || index === s.queue.index ? null : s.queue.items[index];
    if (!nextItem) return engine.preload(null);
    whenResolved(resolve(nextItem.track, s.quality, 'preload'), (source) => {
      const now = store.getState();
      const stillNext = q.nextIndex(now.queue, 'ended');
      // Overtaken while it was prepared (another next track, another quality): let it go.
      if (
        isStopped() ||
        stillNext === null ||
        now.queue.items[stillNext]?.uid !== nextItem.uid ||
        now.quality !== s.quality
      )
        return letGo(source);
      engine.preload(source.ok ? source.source : null);
    });
  }

  /** The current track started: the next one a moment later, so it has the connection first. */
  function preloadNextSoon() {
    cancel();
    // Hidden (the screen locked), the engine hands over inside the element's `ended` with what
    // is preloaded by then (docs/decisions/011), and a hidden page's timers may run late: now.
    if (pageHidden()) return preloadNext();
    timer = setTimeout(preloadNext, PRELOAD_AFTER_MS);
  }

  function prime(track: Track) {
    if (primed === track) return;
    primed = track;
    if (q.current(store.getState().queue)?.track.id === track.id) return;
    whenResolved(resolve(track, store.getState().quality, 'prime'), (source) => {
      if (!source.ok) return;
      if (!isStopped() && primed === track) engine.prime(source.source);
      else letGo(source);
    });
  }

  // Going to the background with the next track still waiting for its timer: prepare it now.
  const onVisibility = () => {
    if (pageHidden() && timer) preloadNext();
  };
  document.addEventListener('visibilitychange', onVisibility);

  return {
    preloadNext,
    preloadNextSoon,
    prime,
    cancel,
    stop() {
      cancel();
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

export type Preloader = ReturnType<typeof createPreloader>;
