import type { AudioFile } from './audio-files';

export interface LibArtist {
  ratingKey: string;
  sectionKey: string;
  title: string;
  summary: string;
  addedAt: number;
}
export interface LibAlbum {
  ratingKey: string;
  sectionKey: string;
  artistKey: string;
  title: string;
  year: number;
  addedAt: number;
}
export interface LibTrack {
  ratingKey: string;
  sectionKey: string;
  albumKey: string;
  title: string;
  /** Track artist when it differs from the album artist (Plex's originalTitle). */
  trackArtist?: string;
  index: number;
  disc: number;
  file: AudioFile;
  partId: number;
  addedAt: number;
  /** The user's star rating, 0–10, once set with /:/rate. */
  userRating?: number;
}
export interface LibPlaylist {
  ratingKey: string;
  title: string;
  summary: string;
  smart: boolean;
  updatedAt: number;
  /** Generated on demand: the 20,000-item playlist is not kept as 20,000 objects. */
  size: number;
  itemAt(index: number): LibTrack;
}

/** A list the server pages through without holding it: item i is made when asked for. */
export interface ItemList<T> {
  readonly length: number;
  at(index: number): T;
}

/**
 * Plex's `sort=` for a section's /all, first key only (`artist.titleSort,album.titleSort` sorts
 * by artist): titleSort, artist.titleSort, album.titleSort, addedAt; `:desc` reverses.
 */
export interface SortOrder {
  by: 'title' | 'artist' | 'album' | 'added';
  desc: boolean;
}

export function parseSort(sort: string | null): SortOrder {
  const [field = '', direction] = (sort ?? '').split(',')[0]?.split(':') ?? [];
  const desc = direction === 'desc';
  if (field === 'addedAt') return { by: 'added', desc };
  if (field === 'artist.titleSort' || field === 'grandparentTitle') return { by: 'artist', desc };
  if (field === 'album.titleSort' || field === 'parentTitle') return { by: 'album', desc };
  return { by: 'title', desc };
}

interface SearchHits {
  artists: LibArtist[];
  albums: LibAlbum[];
  tracks: LibTrack[];
}

/**
 * How the server's routes reach a library: by key, by relation, as sorted lists and by search.
 * The demo holds its objects in arrays; the Collector's library computes each from its index.
 */
export interface LibraryLookups {
  artist(key: string): LibArtist | undefined;
  album(key: string): LibAlbum | undefined;
  track(key: string): LibTrack | undefined;
  trackOfPart(partId: number): LibTrack | undefined;
  /** An artist's albums, oldest first. */
  albumsOf(artistKey: string): LibAlbum[];
  /** An album's tracks in disc and track order. */
  tracksOf(albumKey: string): LibTrack[];
  trackCount(albumKey: string): number;
  artists(sectionKey: string, sort: SortOrder): ItemList<LibArtist>;
  albums(sectionKey: string, sort: SortOrder): ItemList<LibAlbum>;
  tracks(sectionKey: string, sort: SortOrder): ItemList<LibTrack>;
  /** Titles containing the query (case-insensitive), at most `limit` of each kind. */
  search(query: string, sectionKey: string | null, limit: number): SearchHits;
  /** /:/rate: 0–10 sets a track's rating, undefined clears it; false for no such track. */
  rate(trackKey: string, rating: number | undefined): boolean;
}

export interface FakeLibrary {
  /**
   * The objects a library holds in memory: the demo's. A generated library (the Collector's)
   * holds none of these; every route goes through `find`.
   */
  artists: LibArtist[];
  albums: LibAlbum[];
  tracks: LibTrack[];
  playlists: LibPlaylist[];
  /** Sections being scanned, until the given epoch ms. */
  scanningUntil: Map<string, number>;
  find: LibraryLookups;
}
