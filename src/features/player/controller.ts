import type { Track } from '../../domain';
import { pageHidden } from '../../lib/platform/page-hidden';
import { PRELOAD_AFTER_MS, whenResolved, type ControllerDeps } from './controller-deps';
import type { EngineEvent } from './engine/audio-engine';
import type { SourceResult } from './playback-source';
import { usePlayerStore } from './player-store';
import { savePosition, usePositionStore } from './position-store';
import * as q from './queue';
import { releaseScreen } from './screen-pacing';
import { createPlaybackReports } from './playback-reports';

/** A track heard this far really plays (the failures before it were the files'). */
const HEARD_MS = 2_000;

/**
 * Connects the player store to the audio engine (docs/decisions/005): store changes drive the
 * engine; engine events become store actions. React never touches audio.
 */
export function startPlayerController(deps: ControllerDeps): () => void {
  const { engine } = deps;
  const store = usePlayerStore;
  const stallAfter = deps.stallAfterMs ?? 6_000;
  let loadedUid: string | null = null;
  let loadedLoadId = -1;
  let lastProgress = { positionMs: -1, at: performance.now() };
  let recovering = false;
  let networkRetryFor: string | null = null;
  let preloadTimer: ReturnType<typeof setTimeout> | null = null;
  let loadToken = 0;
  /** Torn down (signed out, the player closed): answers still on their way are let go. */
  let stopped = false;
  const letGo = (source: SourceResult) => {
    if (source.ok) source.source.release?.();
  };

  const currentItem = () => q.current(store.getState().queue);
  const reports = createPlaybackReports(deps.reporter, currentItem);
  const { report } = reports;

  function preloadNext() {
    if (preloadTimer) clearTimeout(preloadTimer);
    preloadTimer = null;
    const s = store.getState();
    const index = q.nextIndex(s.queue, 'ended');
    const nextItem = index === null || index === s.queue.index ? null : s.queue.items[index];
    if (!nextItem) return engine.preload(null);
    whenResolved(deps.resolve(nextItem.track, s.quality, 'preload'), (source) => {
      const now = store.getState();
      const stillNext = q.nextIndex(now.queue, 'ended');
      // Overtaken while it was prepared (another next track, another quality): let it go.
      if (
        stopped ||
        stillNext === null ||
        now.queue.items[stillNext]?.uid !== nextItem.uid ||
        now.quality !== s.quality
      )
        return letGo(source);
      engine.preload(source.ok ? source.source : null);
    });
  }

  function preloadNextSoon() {
    if (preloadTimer) clearTimeout(preloadTimer);
    preloadTimer = null;
    // Hidden (the screen locked), the engine hands over inside the element's `ended` with what
    // is preloaded by then (docs/decisions/011), and a hidden page's timers may run late: now.
    if (pageHidden()) return preloadNext();
    preloadTimer = setTimeout(preloadNext, PRELOAD_AFTER_MS);
  }

  function prime(track: Track) {
    if (currentItem()?.track.id === track.id) return;
    whenResolved(deps.resolve(track, store.getState().quality, 'prime'), (source) => {
      if (!source.ok) return;
      if (!stopped && store.getState().primed === track) engine.prime(source.source);
      else letGo(source);
    });
  }

  function load() {
    if (preloadTimer) clearTimeout(preloadTimer);
    preloadTimer = null;
    reports.settled();
    const s = store.getState();
    const item = currentItem();
    // Left for another entry (a skip, a new queue, the end): Plex hears that it stopped.
    if (deps.reporter?.lastReport()?.entryId !== item?.uid) reports.leave();
    loadedLoadId = s.loadId;
    if (!item) {
      loadedUid = null;
      engine.unload();
      store.setState({ status: 'idle', stream: null });
      usePositionStore.getState().setPosition(null, 0, 0);
      return;
    }
    loadedUid = item.uid;
    const token = (loadToken += 1);
    whenResolved(deps.resolve(item.track, s.quality, 'play'), (source) => {
      // Superseded while a copy was read or a transcode prepared: a newer load is in charge.
      if (!stopped && token === loadToken && loadedUid === item.uid) start(item, source);
      else letGo(source);
    });
  }

  function start(item: q.QueueItem, source: SourceResult) {
    const s = store.getState();
    // Nothing will sound (not playable, or not asked to): no reason to keep the screen waiting.
    if (!source.ok || !s.wantsToPlay) releaseScreen();
    // Not loading yet: still show where it will resume (the resume point stays for the load).
    const showResumePoint = () =>
      usePositionStore
        .getState()
        .setPosition(item.uid, s.startAtMs ?? 0, item.track.durationMs ?? 0);
    if (!source.ok && source.waiting) {
      showResumePoint();
      // Not the track's fault: try again when the user presses play (or the server comes back).
      loadedUid = null;
      store.setState({
        status: 'paused',
        wantsToPlay: false,
        notice: s.wantsToPlay ? `Can't play yet: ${source.reason}.` : s.notice,
      });
      return;
    }
    if (!source.ok && !s.wantsToPlay) {
      // Paused (a restored queue, say): never skip past a track nobody asked to hear yet.
      showResumePoint();
      loadedUid = null;
      return;
    }
    if (!source.ok) {
      store.getState().trackFailed(source.reason);
      return;
    }
    const startAtMs = s.startAtMs ?? 0;
    if (s.startAtMs !== null) store.setState({ startAtMs: null });
    usePositionStore.getState().setPosition(item.uid, startAtMs, item.track.durationMs ?? 0);
    lastProgress = { positionMs: startAtMs, at: performance.now() };
    deps.reporter?.restart();
    engine.setVolume(s.volume, s.muted);
    engine.load(source.source, { startAtMs, autoplay: s.wantsToPlay });
    // Once the element is on its way: the store's listeners run inside this (the tap's) task.
    const { kbps, local } = source.source;
    store.setState({ stream: { kbps, local } });
    if (s.wantsToPlay) reports.starting(() => store.getState().status === 'loading');
  }

  function onEngine(event: EngineEvent) {
    const s = store.getState();
    // A tapped track that sounds, fails or stops lets the screen catch up (screen-pacing.ts).
    if (event.type !== 'loading' && event.type !== 'time') {
      releaseScreen();
      reports.settled();
    }
    switch (event.type) {
      case 'loading':
        if (s.wantsToPlay) s.setStatus('loading');
        break;
      case 'playing':
        if (networkRetryFor !== loadedUid) networkRetryFor = null;
        s.setStatus('playing');
        lastProgress = {
          positionMs: usePositionStore.getState().positionMs,
          at: performance.now(),
        };
        report('playing');
        preloadNextSoon();
        break;
      case 'paused':
        s.setStatus('paused');
        savePosition(true);
        report('paused');
        break;
      case 'ended': {
        const { durationMs } = usePositionStore.getState();
        usePositionStore.getState().setPosition(loadedUid, durationMs, durationMs);
        report('stopped');
        s.trackEnded();
        break;
      }
      case 'error':
        // A dropped connection is not the track's fault: fail over and carry on where it was,
        // once; a second failure of the same entry skips it.
        if (event.network && networkRetryFor !== loadedUid) {
          networkRetryFor = loadedUid;
          void recover();
          break;
        }
        report('stopped');
        if (event.output) s.outputFailed(event.message);
        else s.trackFailed(event.message);
        break;
      case 'time': {
        const uid = loadedUid;
        usePositionStore.getState().setPosition(
          uid,
          event.positionMs,
          // The metadata's length first: a transcoded stream's element doesn't know it.
          currentItem()?.track.durationMs || event.durationMs || 0,
        );
        if (Math.abs(event.positionMs - lastProgress.positionMs) > 1)
          lastProgress = { positionMs: event.positionMs, at: performance.now() };
        savePosition();
        // Heard for a while, so it really plays: only then do earlier failures stop counting
        // (Firefox with a failed sound output says "playing", then fails at 0 s).
        if (event.positionMs >= HEARD_MS && s.failuresInARow > 0) s.trackStarted();
        if (s.status === 'playing') report('playing');
        break;
      }
    }
  }

  /**
   * A stream whose connection died raises no error in Chromium: the element keeps "playing" while
   * time stands still (docs/web-platform.md "Audio"). No progress for a few seconds → fail over,
   * reload here.
   */
  async function checkStall() {
    const s = store.getState();
    if (recovering || !s.wantsToPlay || !currentItem()) return;
    if (s.status !== 'playing' && s.status !== 'loading') return;
    // Monotonic: a wall clock set forward must not fake a stall, nor one set back hide one.
    if (performance.now() - lastProgress.at < stallAfter) return;
    await recover();
  }

  async function recover() {
    if (recovering) return;
    recovering = true;
    try {
      await deps.onStall?.();
      store.getState().reload(usePositionStore.getState().positionMs);
      lastProgress = { positionMs: usePositionStore.getState().positionMs, at: performance.now() };
    } finally {
      recovering = false;
    }
  }

  const unsubscribeEngine = engine.subscribe(onEngine);
  const unsubscribeStore = store.subscribe((s, prev) => {
    if (s.primed && s.primed !== prev.primed) prime(s.primed);
    const item = q.current(s.queue);
    const prevItem = q.current(prev.queue);
    const waitingToLoad =
      item !== undefined && loadedUid === null && s.wantsToPlay && !prev.wantsToPlay;
    if (item?.uid !== prevItem?.uid || s.loadId !== prev.loadId || waitingToLoad) {
      if (s.loadId !== loadedLoadId || item?.uid !== loadedUid) load();
      return;
    }
    if (s.quality !== prev.quality) s.reload(usePositionStore.getState().positionMs);
    if (s.wantsToPlay !== prev.wantsToPlay) {
      if (s.wantsToPlay) {
        lastProgress = {
          positionMs: usePositionStore.getState().positionMs,
          at: performance.now(),
        };
        engine.play();
      } else engine.pause();
    }
    if (s.seekTo && s.seekTo !== prev.seekTo) {
      engine.seek(s.seekTo.ms);
      lastProgress = { positionMs: s.seekTo.ms, at: performance.now() };
      report(s.status === 'playing' ? 'playing' : 'paused');
    }
    if (s.volume !== prev.volume || s.muted !== prev.muted) engine.setVolume(s.volume, s.muted);
    if (s.queue.items !== prev.queue.items || s.queue.repeat !== prev.queue.repeat) preloadNext();
  });
  const watchdog = setInterval(() => void checkStall(), 1_000);
  const onHide = () => savePosition(true);
  window.addEventListener('pagehide', onHide);
  // Going to the background with the next track still waiting for its timer: prepare it now.
  const onVisibility = () => {
    if (pageHidden() && preloadTimer) preloadNext();
  };
  document.addEventListener('visibilitychange', onVisibility);

  // Whatever was restored (queue, resume point) is loaded paused, ready to continue.
  load();

  return () => {
    stopped = true;
    // Stopped with a queue still there (a revoked sign-in): keep the place for the next start.
    // After a full sign-out the queue is already empty and nothing is written.
    if (currentItem()) savePosition(true);
    clearInterval(watchdog);
    if (preloadTimer) clearTimeout(preloadTimer);
    reports.settled();
    // Signed out, or the player closed: Plex must not show it playing for minutes more.
    reports.leave();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onVisibility);
    unsubscribeStore();
    unsubscribeEngine();
    engine.unload();
  };
}

export type { ControllerDeps, SourcePurpose } from './controller-deps';
