import { usePositionStore } from './position-store';
import type { QueueItem } from './queue';
import type { TimelineState } from '../../lib/plex/playback';
import type { TimelineReporter } from './timeline-reporter';

/**
 * Plex hears "buffering" only for a start that takes this long: a track that sounds at once goes
 * straight to "playing", and no report is built and sent while its first bytes arrive.
 */
export const BUFFERING_AFTER_MS = 500;

/**
 * What Plex hears about the current queue entry (the controller's side of the timeline
 * reporter): its state with the position shown, and "buffering" only for a slow start.
 */
export function createPlaybackReports(
  reporter: TimelineReporter | undefined,
  currentItem: () => QueueItem | undefined,
) {
  let bufferingTimer: ReturnType<typeof setTimeout> | null = null;

  function report(state: TimelineState) {
    const item = currentItem();
    if (!item || !reporter) return;
    const { positionMs, durationMs } = usePositionStore.getState();
    reporter.update({
      trackId: item.track.id,
      entryId: item.uid,
      state,
      timeMs: positionMs,
      durationMs: item.track.durationMs || durationMs || 0,
    });
  }

  /** The entry Plex last heard about is left: `stopped`, where the position store last had it. */
  function leave() {
    if (!reporter) return;
    const position = usePositionStore.getState();
    const last = reporter.lastReport();
    reporter.stop(last && position.uid === last.entryId ? position.positionMs : undefined);
  }

  /** The start is over (it sounds, failed, paused or was replaced): no "buffering" for it. */
  function settled() {
    if (bufferingTimer) clearTimeout(bufferingTimer);
    bufferingTimer = null;
  }

  /** A track was asked to play: "buffering" if it is `stillLoading()` after a moment. */
  function starting(stillLoading: () => boolean) {
    settled();
    bufferingTimer = setTimeout(() => {
      bufferingTimer = null;
      if (stillLoading()) report('buffering');
    }, BUFFERING_AFTER_MS);
  }

  return { report, leave, starting, settled };
}
export type PlaybackReports = ReturnType<typeof createPlaybackReports>;
