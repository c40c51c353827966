import type { Track } from '../../domain';
import * as q from './queue';

/** One queue, one server: its ids mean nothing to another (a track id there is another song). */
export const ANOTHER_SERVER =
  'The queue is from another server: play these tracks to start a new queue with them.';

export const playsNext = (tracks: readonly Track[]) =>
  tracks.length === 1 ? `“${tracks[0]?.title}” plays next` : `${tracks.length} tracks play next`;

export const addedToQueue = (tracks: readonly Track[]) =>
  tracks.length === 1
    ? `Added “${tracks[0]?.title}” to the queue`
    : `Added ${tracks.length} tracks to the queue`;

export const noSound = (reason: string) =>
  `No sound: ${reason}. Check the speakers or headphones, then press play.`;

/** Tracks failing in a row before the player stops instead of skipping on. */
const FAILURES_BEFORE_STOPPING = 3;

/** After the current track failed: skip to `queue` with a notice, or stop with one. */
export type AfterFailure =
  | { stop: true; failures: number; notice: string }
  | { stop: false; failures: number; notice: string; queue: q.QueueState | null };

export function afterFailure(
  queue: q.QueueState,
  failuresBefore: number,
  reason: string,
): AfterFailure {
  const title = q.current(queue)?.track.title ?? 'This track';
  const failures = failuresBefore + 1;
  // The whole queue, or several in a row: that is rarely the files (a sound output that fails,
  // which Firefox calls a decode error too; a server that broke). Skipping on would burn through
  // the queue.
  const wholeQueue = failures >= queue.items.length;
  if (wholeQueue || failures >= FAILURES_BEFORE_STOPPING) {
    const why = wholeQueue
      ? 'Nothing else in the queue could play either.'
      : `${failures} tracks in a row couldn't play, so PlexM8 stopped here. If nothing plays, check this device's sound output, then press play.`;
    return { stop: true, failures, notice: `Couldn't play “${title}”: ${reason}. ${why}` };
  }
  const moved = q.next(queue, 'skip') ?? (queue.items.length > 1 ? { ...queue, index: 0 } : null);
  return { stop: false, failures, notice: `Skipped “${title}”: ${reason}.`, queue: moved };
}
