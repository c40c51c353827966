import type { EngineEvent } from './engine/audio-engine';
import type { PlaybackReports } from './playback-reports';
import type { Player } from './player';
import { usePlayerStore } from './player-store';
import { savePosition, usePositionStore } from './position-store';
import type { Preloader } from './preloader';
import * as q from './queue';
import { releaseScreen } from './screen-pacing';
import type { StallWatch } from './stall-watch';

/** A track heard this far really plays (the failures before it were the files'). */
const HEARD_MS = 2_000;

/**
 * What the engine reports becomes state (status, position), reports to Plex, and the player's
 * next move (the queue goes on after an end or a failure).
 */
export function engineEvents(parts: {
  player: Player;
  reports: PlaybackReports;
  preloader: Preloader;
  stall: StallWatch;
  loadedUid: () => string | null;
}) {
  const { player, reports, preloader, stall } = parts;
  const store = usePlayerStore;
  const setStatus = (status: 'loading' | 'playing' | 'paused') => store.setState({ status });

  return (event: EngineEvent) => {
    const s = store.getState();
    // A tapped track that sounds, fails or stops lets the screen catch up (screen-pacing.ts).
    if (event.type !== 'loading' && event.type !== 'time') {
      releaseScreen();
      reports.settled();
    }
    switch (event.type) {
      case 'loading':
        if (s.wantsToPlay) setStatus('loading');
        break;
      case 'playing':
        stall.playing(parts.loadedUid());
        setStatus('playing');
        reports.report('playing');
        preloader.preloadNextSoon();
        break;
      case 'paused':
        setStatus('paused');
        savePosition(true);
        reports.report('paused');
        break;
      case 'ended': {
        const { durationMs } = usePositionStore.getState();
        usePositionStore.getState().setPosition(parts.loadedUid(), durationMs, durationMs);
        reports.report('stopped');
        player.trackEnded();
        break;
      }
      case 'error':
        // A dropped connection is not the track's fault: fail over and carry on where it was,
        // once; a second failure of the same entry skips it.
        if (event.network && stall.dropped(parts.loadedUid())) break;
        reports.report('stopped');
        if (event.output) player.outputFailed(event.message);
        else player.trackFailed(event.message);
        break;
      case 'time':
        usePositionStore.getState().setPosition(
          parts.loadedUid(),
          event.positionMs,
          // The metadata's length first: a transcoded stream's element doesn't know it.
          q.current(s.queue)?.track.durationMs || event.durationMs || 0,
        );
        stall.time(event.positionMs);
        savePosition();
        // Heard for a while, so it really plays: only then do earlier failures stop counting
        // (Firefox with a failed sound output says "playing", then fails at 0 s).
        if (event.positionMs >= HEARD_MS) player.trackStarted();
        if (s.status === 'playing') reports.report('playing');
        break;
    }
  };
}
