import type { QueryClient } from '@tanstack/react-query';
import type { Album, Artist, SearchResults, Track } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';
import { queryPersister } from '../../lib/query-persister';
import { libraryKeys } from './queries';
import { foldForSearch } from './track-order';

type Scope = Pick<PmsAccess, 'userId' | 'serverId'>;

/** Brings every saved library query of this server back into memory, so search can see it. */
export function restoreCachedLibrary(queryClient: QueryClient, scope: Scope): Promise<void> {
  return queryPersister.restoreQueries(queryClient, { queryKey: libraryKeys.all(scope) });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
const isTrack = (x: Record<string, unknown>): x is Record<string, unknown> & Track =>
  'media' in x && typeof x.title === 'string';
const isAlbum = (x: Record<string, unknown>): x is Record<string, unknown> & Album =>
  !('media' in x) && !('smart' in x) && typeof x.artist === 'string' && typeof x.title === 'string';
const isArtist = (x: Record<string, unknown>): x is Record<string, unknown> & Artist =>
  typeof x.id === 'string' &&
  typeof x.title === 'string' &&
  !('artist' in x) &&
  !('smart' in x) &&
  !('media' in x);

/** Every item inside a cached query's data: lists, pages of lists, or a single item. */
function* itemsOf(data: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(data)) {
    for (const x of data) if (isRecord(x)) yield x;
  } else if (isRecord(data)) {
    if (Array.isArray(data.pages)) for (const page of data.pages) yield* itemsOf(page);
    else if (Array.isArray(data.items)) yield* itemsOf(data.items);
    else if (typeof data.id === 'string') yield data;
  }
}

/** Search over what PlexM8 has already seen of this server: for when the server can't be asked. */
export function searchCached(
  queryClient: QueryClient,
  scope: Scope,
  query: string,
  limit = 50,
): SearchResults {
  const needle = foldForSearch(query.trim());
  const results: SearchResults = { artists: [], albums: [], tracks: [] };
  if (!needle) return results;
  const seen = new Set<string>();
  const matches = (...texts: string[]) => foldForSearch(texts.join('\u0000')).includes(needle);
  for (const cached of queryClient.getQueryCache().findAll({ queryKey: libraryKeys.all(scope) })) {
    if (cached.queryKey.includes('search')) continue;
    for (const item of itemsOf(cached.state.data)) {
      if (isTrack(item)) {
        if (
          results.tracks.length < limit &&
          !seen.has(`t${item.id}`) &&
          matches(item.title, item.artist, item.album)
        ) {
          seen.add(`t${item.id}`);
          results.tracks.push(item);
        }
      } else if (isAlbum(item)) {
        if (!seen.has(`al${item.id}`) && matches(item.title, item.artist)) {
          seen.add(`al${item.id}`);
          results.albums.push(item);
        }
      } else if (isArtist(item) && !seen.has(`ar${item.id}`) && matches(item.title)) {
        seen.add(`ar${item.id}`);
        results.artists.push(item);
      }
    }
  }
  return results;
}
