import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import * as valibot from 'valibot';
import { libraryKeys } from '../features/library';
import { usePlayerStore } from '../features/player';
import { describeError, PlexError, type PmsClient } from '../lib/plex';
import { playbackOf } from '../lib/plex/pms-playback';
import type { PmsAccess } from '../lib/plex-context';
import { retryDelay, shouldRetry } from '../lib/retry-policy';
import { watchSavedWrites, type SavedWrites } from '../lib/saved-writes';
import {
  writeKeys,
  type RateTrack,
  type RateUndo,
  type ScanSection,
  type WriteKind,
} from '../lib/server-writes';
import { patchCachedTrack } from '../lib/track-cache';

const rateTrack: valibot.GenericSchema<unknown, RateTrack> = valibot.object({
  userId: valibot.number(),
  serverId: valibot.string(),
  trackId: valibot.string(),
  title: valibot.string(),
  rating: valibot.nullable(valibot.number()),
});

/**
 * The functions behind each kind of server write (docs/decisions/024), as the query client's
 * mutation defaults: a write restored after a reload finds them by its key. They read the server
 * when the write is sent, never from the write itself (which holds no token).
 */
function registerServerWrites(
  queryClient: QueryClient,
  current: () => PmsAccess | null,
): (kind: WriteKind, variables: unknown) => void {
  const clientFor = (v: { userId: number; serverId: string }): PmsClient => {
    const access = current();
    if (!access || access.serverId !== v.serverId || access.userId !== v.userId)
      throw new PlexError({ kind: 'unreachable', message: 'That server isn’t connected now.' });
    return access.client;
  };

  /** The rating shown for the track: the queue's copy (the full player shows that one). */
  const shownRating = (v: RateTrack): number | null => {
    const player = usePlayerStore.getState();
    if (player.serverId !== v.serverId) return null;
    return player.queue.items.find((i) => i.track.id === v.trackId)?.track.userRating ?? null;
  };
  const show = (v: RateTrack, rating: number | null) => {
    const patch = { userRating: rating ?? undefined };
    if (usePlayerStore.getState().serverId === v.serverId)
      usePlayerStore.getState().patchTrack(v.trackId, patch);
    patchCachedTrack(queryClient, v, v.trackId, patch);
  };

  const common = {
    // Network trouble and 429 are waited out (paused while offline); a refusal is final.
    retry: shouldRetry,
    retryDelay,
    networkMode: 'online' as const,
  };

  queryClient.setMutationDefaults<unknown, Error, RateTrack, RateUndo>(writeKeys.rate, {
    ...common,
    mutationFn: (v) => playbackOf(clientFor(v)).rate(v.trackId, v.rating),
    // Shown at once, everywhere the track is: the queue and every cached list that holds it.
    onMutate: (v) => {
      const previous = shownRating(v);
      show(v, v.rating);
      return { previous };
    },
    // Refused: back to what it was, unless a newer rating has been given since.
    onError: (error, v, undo) => {
      if (undo && shownRating(v) === v.rating) show(v, undo.previous);
      // The full player says it by the stars; closed (or a write sent after a reload), the
      // player's notice does.
      const player = usePlayerStore.getState();
      if (!player.nowPlayingOpen && player.serverId === v.serverId)
        usePlayerStore.setState({
          notice: `Couldn't save the rating of “${v.title}”: ${describeError(error)}`,
        });
    },
  });

  queryClient.setMutationDefaults<unknown, Error, ScanSection>(writeKeys.scan, {
    ...common,
    mutationFn: (v) => clientFor(v).refreshSection(v.sectionKey),
    // Plex marks the library `refreshing` while it scans: the sections list says so.
    onSuccess: (_data, v) => queryClient.invalidateQueries({ queryKey: libraryKeys.sections(v) }),
  });

  // A write put back after a reload runs no onMutate: a rating is shown again as when given.
  return (kind, variables) => {
    const rating = valibot.safeParse(rateTrack, variables);
    if (kind === 'rate' && rating.success) show(rating.output, rating.output.rating);
  };
}

/**
 * Joins the writes to the current server: their functions are registered once per query client,
 * and the writes saved by an earlier visit are put back and sent when this server is connected.
 */
export function useServerWrites(access: PmsAccess | null): void {
  const queryClient = useQueryClient();
  const accessRef = useRef(access);
  const saved = useRef<{
    watching: SavedWrites;
    reshow: (kind: WriteKind, variables: unknown) => void;
  } | null>(null);
  useEffect(() => {
    accessRef.current = access;
  }, [access]);

  useEffect(() => {
    const reshow = registerServerWrites(queryClient, () => accessRef.current);
    const watching = watchSavedWrites(queryClient);
    saved.current = { watching, reshow };
    return () => {
      watching.stop();
      saved.current = null;
    };
  }, [queryClient]);

  const userId = access?.userId;
  const serverId = access?.serverId;
  useEffect(() => {
    if (userId === undefined || serverId === undefined) return;
    const writes = saved.current;
    void writes?.watching.restore({ userId, serverId }, writes.reshow);
  }, [queryClient, userId, serverId]);
}
