/** App-owned types. Plex's own shapes stop at lib/plex, which turns them into these. */

export interface PlexUser {
  id: number;
  uuid: string;
  username: string;
  title: string;
  email?: string;
  /** Avatar URL (plex.tv serves it; no token needed). */
  thumb?: string;
}

export interface PlexPin {
  id: number;
  code: string;
  /**
   * Seconds plex.tv gave the PIN when it answered, counted from `receivedAt` on this device's
   * clock: never plex.tv's `expiresAt` against this clock, which may be hours off.
   */
  expiresIn: number;
  /** This device's Date.now() when plex.tv's answer arrived. */
  receivedAt: number;
  /** Set once the user approved the sign-in on app.plex.tv. */
  authToken: string | null;
}

/** Local beats relay beats remote: the product's order (docs/decisions/002). */
export type ConnectionTier = 'local' | 'relay' | 'remote';

export interface Connection {
  uri: string;
  protocol: 'http' | 'https';
  address: string;
  port: number;
  local: boolean;
  relay: boolean;
  ipv6: boolean;
  tier: ConnectionTier;
}

export interface PlexServer {
  /** The server's machineIdentifier (the resource's clientIdentifier). */
  id: string;
  name: string;
  product: string;
  productVersion?: string;
  platform?: string;
  owned: boolean;
  /** The token to use against THIS server: a password, never logged or cached in a URL. */
  accessToken: string;
  presence: boolean;
  httpsRequired: boolean;
  connections: Connection[];
}

export interface MusicSection {
  key: string;
  title: string;
  uuid?: string;
  updatedAt?: number;
  /** The server is scanning this library for new files. */
  scanning?: boolean;
}

/** What it takes to play a track: the file's codec and where to fetch it on the server. */
export interface TrackMedia {
  partId: number;
  /** Path on the server (`/library/parts/…`); the connection and token are added when played. */
  partKey: string;
  codec?: string;
  container?: string;
  bitrate?: number;
  size?: number;
}

export interface Track {
  id: string;
  title: string;
  /** The track's own artist (originalTitle), else the album artist. */
  artist: string;
  album: string;
  albumId?: string;
  artistId?: string;
  index?: number;
  disc?: number;
  durationMs?: number;
  /** Artwork path on the server (album cover first). */
  thumb?: string;
  /** Position in a (non-smart) playlist. */
  playlistItemId?: number;
  /** The user's star rating, 0–10 (Plex's scale; two per star). */
  userRating?: number;
  media: TrackMedia | null;
}

export interface Album {
  id: string;
  title: string;
  artist: string;
  artistId?: string;
  year?: number;
  thumb?: string;
  trackCount?: number;
  addedAt?: number;
}

export interface Artist {
  id: string;
  title: string;
  thumb?: string;
  summary?: string;
}

export interface Playlist {
  id: string;
  title: string;
  summary?: string;
  smart: boolean;
  /** Cover mosaic path on the server. */
  composite?: string;
  durationMs?: number;
  trackCount: number;
  updatedAt?: number;
}

export interface SearchResults {
  artists: Artist[];
  albums: Album[];
  tracks: Track[];
}

/** A list that is a playlist or an album whole, in its own order (Plex can queue it by its uri). */
export interface ListOrigin {
  kind: 'playlist' | 'album';
  id: string;
}

/**
 * One page of a list the server pages (a playlist's tracks, a library's albums): what the query
 * cache keeps of it, so its shape is part of the cache's (vite.config.ts `querySchemaVersion`).
 */
export interface ItemsPage<T> {
  items: T[];
  skipped: number;
  start: number;
  /** Where the next page starts (counts skipped items too, to keep the server's offsets). */
  next: number;
  total: number;
  complete: boolean;
}
