import type { QueryClient } from '@tanstack/react-query';
import type { Track } from '../domain';
import { resaveQuery } from './query-persister';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A track, not an album or artist: only tracks carry `media` (null for none). */
const isTrack = (value: Record<string, unknown>): boolean =>
  typeof value.id === 'string' && typeof value.title === 'string' && 'media' in value;

/**
 * Cached data shapes hold tracks at most this deep: a list, `{ items }` (a page),
 * `{ pages: [{ items }] }` (a paged list), `{ q, results: { tracks } }` (search).
 */
const MAX_DEPTH = 4;

/**
 * `data` with the track `id` patched wherever it is, copied only along the way to a change (the
 * same object back when the track isn't there, so nothing re-renders or is saved for nothing).
 */
export function withTrackPatched(
  data: unknown,
  id: string,
  patch: Partial<Track>,
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) return data;
  if (Array.isArray(data)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < data.length; i += 1) {
      const next = withTrackPatched(data[i], id, patch, depth + 1);
      if (next !== data[i]) (out ??= data.slice())[i] = next;
    }
    return out ?? data;
  }
  if (!isRecord(data)) return data;
  if (isTrack(data)) return data.id === id ? { ...data, ...patch } : data;
  let out: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(data)) {
    const next = withTrackPatched(value, id, patch, depth + 1);
    if (next !== value) (out ??= { ...data })[key] = next;
  }
  return out ?? data;
}

/**
 * Writes a change of one track into every cached query of that user and server that holds it
 * (playlists, albums, search), keeping each query's age: the server's copy is not fetched again
 * for it. Copies already saved on the device are saved again.
 */
export function patchCachedTrack(
  queryClient: QueryClient,
  scope: { userId: number; serverId: string },
  id: string,
  patch: Partial<Track>,
): void {
  const queries = queryClient.getQueryCache().findAll({
    queryKey: ['pms', scope.userId, scope.serverId],
  });
  for (const query of queries) {
    const data: unknown = query.state.data;
    const next = withTrackPatched(data, id, patch);
    if (next === data) continue;
    queryClient.setQueryData(query.queryKey, next, { updatedAt: query.state.dataUpdatedAt });
    resaveQuery(query);
  }
}
