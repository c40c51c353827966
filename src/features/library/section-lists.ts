import { queryOptions } from '@tanstack/react-query';
import type { Album, Artist, ItemsPage, Track } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';
import { libraryKeys } from './queries';

/** The three lists of a music library the Library screen pages through. */
export type SectionList = 'artists' | 'albums' | 'tracks';
interface SectionItem {
  artists: Artist;
  albums: Album;
  tracks: Track;
}

/**
 * Items per page: a few screens of rows, parsed in a few milliseconds. Pages are fetched where
 * the user scrolls to, not one after another: the end of 150,000 tracks is one request away.
 */
export const SECTION_PAGE = 100;

/** Plex's sort keys (docs/plex-api.md): the server sorts, since 150,000 tracks can't be here. */
export const sortOptions = {
  artists: [{ key: 'titleSort', label: 'Name' }],
  albums: [
    { key: 'titleSort', label: 'Title' },
    { key: 'artist.titleSort', label: 'Artist' },
    { key: 'addedAt:desc', label: 'Date added' },
  ],
  tracks: [
    { key: 'titleSort', label: 'Title' },
    { key: 'artist.titleSort', label: 'Artist' },
    { key: 'album.titleSort', label: 'Album' },
    { key: 'addedAt:desc', label: 'Date added' },
  ],
} as const satisfies Record<SectionList, readonly { key: string; label: string }[]>;

export function sortOf(list: SectionList, asked: string | null): string {
  const options: readonly { key: string }[] = sortOptions[list];
  return options.find((o) => o.key === asked)?.key ?? options[0]?.key ?? 'titleSort';
}

type Fetch<L extends SectionList> = (
  a: PmsAccess,
  section: string,
  sort: string,
  start: number,
  signal: AbortSignal,
) => Promise<ItemsPage<SectionItem[L]>>;

const fetchers: { [L in SectionList]: Fetch<L> } = {
  artists: (a, section, sort, start, signal) =>
    a.client.sectionItems('artist', section, sort, start, SECTION_PAGE, signal),
  albums: (a, section, sort, start, signal) =>
    a.client.sectionItems('album', section, sort, start, SECTION_PAGE, signal),
  tracks: (a, section, sort, start, signal) =>
    a.client.sectionItems('track', section, sort, start, SECTION_PAGE, signal),
};

/**
 * One page of a list. Artists' and albums' pages are saved for offline use as they arrive (even
 * 30,000 albums stay small, and only what was scrolled to is saved); tracks' are not, and leave
 * memory soon after they leave the screen: 150,000 tracks would not fit (decision 019 has sizes).
 */
export function sectionPageQuery<L extends SectionList>(
  a: PmsAccess,
  section: string,
  list: L,
  sort: string,
  page: number,
) {
  const tracks = list === 'tracks';
  return queryOptions({
    queryKey: libraryKeys.sectionPage(a, section, list, sort, page),
    queryFn: ({ signal }) => fetchers[list](a, section, sort, page * SECTION_PAGE, signal),
    staleTime: 60 * 60_000,
    gcTime: tracks ? 30_000 : 5 * 60_000,
    meta: tracks ? { persist: false } : undefined,
  });
}
