import type { QueryClient } from '@tanstack/react-query';
import * as valibot from 'valibot';
import { libraryKeys } from '../features/library/queries';
import { player, usePlayerStore } from '../features/player';
import type { PmsClient } from '../lib/plex/pms-client';
import { describeError } from '../ui/plex-error-text';
import { playbackOf } from '../lib/plex/playback';
import { watchSavedWrites } from '../lib/saved-writes';
import type { RateTrack, RateUndo, ScanSection, WriteKind } from '../lib/server-writes';
import { patchCachedTrack } from '../lib/track-cache';

/**
 * What each server write does (docs/decisions/024), loaded after the first paint: the query
 * client's mutation defaults (server-writes.ts) call into it. Sending, showing a rating at once,
 * putting it back when refused, and the writes kept on the device.
 */

export { watchSavedWrites };

/** The rating shown for the track: the queue's copy (the full player shows that one). */
function shownRating(v: RateTrack): number | null {
  const player = usePlayerStore.getState();
  if (player.serverId !== v.serverId) return null;
  return player.queue.items.find((i) => i.track.id === v.trackId)?.track.userRating ?? null;
}

/** Everywhere the track is: the queue, and every cached list of that user and server. */
function show(queryClient: QueryClient, v: RateTrack, rating: number | null): void {
  const patch = { userRating: rating ?? undefined };
  if (usePlayerStore.getState().serverId === v.serverId) player.patchTrack(v.trackId, patch);
  patchCachedTrack(queryClient, v, v.trackId, patch);
}

export async function sendRating(client: PmsClient, v: RateTrack): Promise<void> {
  await playbackOf(client).rate(v.trackId, v.rating);
}

/** Shown at once; what it replaced is kept to put back if the server refuses. */
export function showRating(queryClient: QueryClient, v: RateTrack): RateUndo {
  const previous = shownRating(v);
  show(queryClient, v, v.rating);
  return { previous };
}

/** Refused: back to what it was (unless a newer rating was given since), and said. */
export function ratingRefused(
  queryClient: QueryClient,
  error: unknown,
  v: RateTrack,
  undo: RateUndo | undefined,
): void {
  if (undo && shownRating(v) === v.rating) show(queryClient, v, undo.previous);
  // The full player says it by its stars; closed (or a write sent after a reload), the player's
  // notice does.
  const shown = usePlayerStore.getState();
  if (!shown.nowPlayingOpen && shown.serverId === v.serverId)
    player.showNotice(`Couldn't save the rating of “${v.title}”: ${describeError(error)}`);
}

/** Plex marks the library `refreshing` while it scans: the sections list says so. */
export function scanStarted(queryClient: QueryClient, v: ScanSection): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: libraryKeys.sections(v) });
}

const rateTrack: valibot.GenericSchema<unknown, RateTrack> = valibot.object({
  userId: valibot.number(),
  serverId: valibot.string(),
  trackId: valibot.string(),
  title: valibot.string(),
  rating: valibot.nullable(valibot.number()),
});

/** A write put back after a reload runs no onMutate: a rating is shown again as when given. */
export function reshow(queryClient: QueryClient, kind: WriteKind, variables: unknown): void {
  const rating = valibot.safeParse(rateTrack, variables);
  if (kind === 'rate' && rating.success) show(queryClient, rating.output, rating.output.rating);
}
