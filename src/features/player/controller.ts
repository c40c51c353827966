import type { ControllerDeps } from './controller-deps';
import { engineEvents } from './engine-events';
import { createPlaybackReports } from './playback-reports';
import type { SourceResult } from './playback-source';
import type { PlaybackDriver } from './playback-driver';
import { player as thePlayer } from './player';
import { usePlayerStore } from './player-store';
import { savePosition } from './position-store';
import { createPreloader } from './preloader';
import * as q from './queue';
import { createStallWatch } from './stall-watch';
import { createTrackLoader } from './track-loader';

/**
 * The audio side of the player (docs/architecture.md): it carries out the player's commands on the
 * engine (player.ts calls it directly, inside the command's task), and turns the engine's events
 * into state and reports. React never touches audio. Started, it loads what the store holds:
 * a queue restored, or a tap made while this chunk was still arriving.
 */
export function startPlayerController(deps: ControllerDeps): () => void {
  const { engine } = deps;
  const player = deps.player ?? thePlayer;
  const store = usePlayerStore;
  /** Torn down (signed out, the player closed): answers still on their way are let go. */
  let stopped = false;
  const isStopped = () => stopped;
  const letGo = (source: SourceResult) => {
    if (source.ok) source.source.release?.();
  };

  const reports = createPlaybackReports(deps.reporter, () => q.current(store.getState().queue));
  const preloader = createPreloader(deps, isStopped, letGo);
  const loader = createTrackLoader(
    deps,
    { player, reports, preloader, stall: () => stall, isStopped, letGo },
    deps.resumeAt ?? null,
  );
  const stall = createStallWatch({
    stallAfterMs: deps.stallAfterMs ?? 6_000,
    onStall: deps.onStall,
    reload: loader.load,
  });
  const unsubscribeEngine = engine.subscribe(
    engineEvents({ player, reports, preloader, stall, loadedUid: loader.loadedUid }),
  );

  const driver: PlaybackDriver = {
    load: loader.load,
    play() {
      // Nothing in the engine (it waited for a server, or couldn't play paused): load it now.
      if (loader.loadedUid() === null && q.current(store.getState().queue)) return loader.load();
      stall.progressed();
      engine.play();
    },
    pause: () => engine.pause(),
    seek(ms) {
      engine.seek(ms);
      stall.progressed(ms);
      reports.report(store.getState().status === 'playing' ? 'playing' : 'paused');
    },
    setVolume: (volume, muted) => engine.setVolume(volume, muted),
    queueChanged: preloader.preloadNext,
    prime: preloader.prime,
  };
  const onHide = () => savePosition(true);
  window.addEventListener('pagehide', onHide);
  // Whatever the store holds (a queue restored, a tap made before now) is loaded.
  const detach = player.attach(driver);

  return () => {
    stopped = true;
    detach();
    // Stopped with a queue still there (a revoked sign-in): keep the place for the next start.
    // After a full sign-out the queue is already empty and nothing is written.
    if (q.current(store.getState().queue)) savePosition(true);
    stall.stop();
    preloader.stop();
    reports.settled();
    // Signed out, or the player closed: Plex must not show it playing for minutes more.
    reports.leave();
    window.removeEventListener('pagehide', onHide);
    unsubscribeEngine();
    engine.unload();
  };
}

export type { ControllerDeps, SourcePurpose } from './controller-deps';
