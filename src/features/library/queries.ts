import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Track } from '../../domain';
import type { ItemsPage } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';
import { persistWholeListsOnly } from '../../lib/query-persister';

type Scope = Pick<PmsAccess, 'userId' | 'serverId'>;

/** Keys run general → specific and are scoped by user and server; never by token or URL. */
export const libraryKeys = {
  all: (s: Scope) => ['pms', s.userId, s.serverId] as const,
  sections: (s: Scope) => [...libraryKeys.all(s), 'sections'] as const,
  playlists: (s: Scope) => [...libraryKeys.all(s), 'playlists'] as const,
  playlist: (s: Scope, id: string) => [...libraryKeys.all(s), 'playlist', id] as const,
  playlistItems: (s: Scope, id: string) =>
    [...libraryKeys.all(s), 'playlist', id, 'items'] as const,
  /** One page of a section's artists, albums or tracks in one sort order (section-lists.ts). */
  sectionPage: (s: Scope, section: string, list: string, sort: string, page: number) =>
    [...libraryKeys.all(s), 'section', section, list, sort, page] as const,
  recent: (s: Scope, section: string) =>
    [...libraryKeys.all(s), 'section', section, 'recent'] as const,
  artist: (s: Scope, id: string) => [...libraryKeys.all(s), 'artist', id] as const,
  artistAlbums: (s: Scope, id: string) => [...libraryKeys.all(s), 'artist', id, 'albums'] as const,
  album: (s: Scope, id: string) => [...libraryKeys.all(s), 'album', id] as const,
  albumTracks: (s: Scope, id: string) => [...libraryKeys.all(s), 'album', id, 'tracks'] as const,
  search: (s: Scope, section: string, q: string) =>
    [...libraryKeys.all(s), 'search', section, q] as const,
};

const MIN = 60_000;

export const musicSectionsQuery = (a: PmsAccess) =>
  queryOptions({
    queryKey: libraryKeys.sections(a),
    queryFn: ({ signal }) => a.client.musicSections(signal),
    // Libraries are added about never: a day is fresh enough.
    staleTime: 24 * 60 * MIN,
  });

export const playlistsQuery = (a: PmsAccess) =>
  queryOptions({
    queryKey: libraryKeys.playlists(a),
    queryFn: ({ signal }) => a.client.playlists(signal),
    staleTime: 5 * MIN,
  });

export const playlistQuery = (a: PmsAccess, id: string) =>
  queryOptions({
    queryKey: libraryKeys.playlist(a, id),
    queryFn: ({ signal }) => a.client.playlist(id, signal),
    staleTime: 5 * MIN,
  });

/** First page small, for a quick first paint; the rest in large pages, in the background. */
const FIRST_PAGE = 50;
const NEXT_PAGE = 2_000;
const pageSize = (start: number) => (start === 0 ? FIRST_PAGE : NEXT_PAGE);
const nextStart = <T>(last: ItemsPage<T>) => (last.complete ? undefined : last.next);

export const playlistItemsQuery = (a: PmsAccess, id: string) =>
  infiniteQueryOptions({
    queryKey: libraryKeys.playlistItems(a, id),
    queryFn: ({ pageParam, signal }) =>
      a.client.playlistItems(id, pageParam, pageSize(pageParam), signal),
    initialPageParam: 0,
    getNextPageParam: (last: ItemsPage<Track>) => nextStart(last),
    staleTime: 5 * MIN,
    persister: persistWholeListsOnly<
      ItemsPage<Track>,
      ReturnType<typeof libraryKeys.playlistItems>,
      number
    >,
  });

export const recentlyAddedQuery = (a: PmsAccess, section: string) =>
  queryOptions({
    queryKey: libraryKeys.recent(a, section),
    queryFn: ({ signal }) => a.client.recentlyAddedAlbums(section, 24, signal),
    staleTime: 5 * MIN,
  });

export const artistQuery = (a: PmsAccess, id: string) =>
  queryOptions({
    queryKey: libraryKeys.artist(a, id),
    queryFn: ({ signal }) => a.client.item('artist', id, signal),
    staleTime: 60 * MIN,
  });

export const artistAlbumsQuery = (a: PmsAccess, id: string) =>
  queryOptions({
    queryKey: libraryKeys.artistAlbums(a, id),
    queryFn: ({ signal }) => a.client.children('album', id, signal),
    staleTime: 60 * MIN,
  });

export const albumQuery = (a: PmsAccess, id: string) =>
  queryOptions({
    queryKey: libraryKeys.album(a, id),
    queryFn: ({ signal }) => a.client.item('album', id, signal),
    staleTime: 60 * MIN,
  });

export const albumTracksQuery = (a: PmsAccess, id: string) =>
  queryOptions({
    queryKey: libraryKeys.albumTracks(a, id),
    queryFn: ({ signal }) => a.client.children('track', id, signal),
    staleTime: 60 * MIN,
  });

export const searchQuery = (a: PmsAccess, section: string, q: string) =>
  queryOptions({
    queryKey: libraryKeys.search(a, section, q),
    // With the query it answers: the screen shows the last answer, dimmed, until the next one.
    queryFn: async ({ signal }) => ({ q, results: await a.client.search(q, section, signal) }),
    staleTime: 5 * MIN,
    // Every key typed is a query of its own: none is worth saving, or keeping for long.
    gcTime: MIN,
    meta: { persist: false },
    enabled: q.trim().length > 0,
  });
