import type { Album, ItemsPage, MusicSection, Playlist, SearchResults, Track } from '../../domain';
import type { PlexClientInfo } from './client-info';
import { PlexError } from './errors';
import { mapItems } from './map-metadata';
import { hubsSchema, listSchema } from './metadata-schemas';
import { send, type FetchLike } from './request';
import { buildUrl } from './urls';
import { sectionsSchema } from './schemas';
import { PmsRequests } from './pms-requests';

export interface PmsClientOptions {
  client: PlexClientInfo;
  /** The server's machineIdentifier (play queues name items by it). */
  machineId: string;
  /** The server's own accessToken. */
  token: string;
  /** Read at call time, so a failover takes effect on the next request. */
  baseUrl: () => string;
  fetchImpl?: FetchLike;
  timeoutMs?: number;
  /** Told when the current connection stops answering, so the owner can re-probe and fail over. */
  onUnreachable?: () => void;
  /** Told when a request was answered (a failure soon after is news). */
  onAnswered?: () => void;
  /** Told of a readable 401: the server no longer takes this token. */
  onRefused?: () => void;
}

/** One page of a long list. `complete` when the server sent everything (or ignored paging). */
/** Plex's metadata type numbers (docs/plex-api.md). */
const METADATA_TYPE = { artist: 8, album: 9, track: 10 } as const;

/** A Plex Media Server, reached through whichever connection is current. */
export class PmsClient extends PmsRequests {
  async musicSections(signal?: AbortSignal): Promise<MusicSection[]> {
    const body = await this.get(sectionsSchema, '/library/sections', {}, signal);
    return body.MediaContainer.Directory.filter((d) => d.type === 'artist').map((d) => ({
      key: d.key,
      title: d.title,
      uuid: d.uuid,
      updatedAt: d.updatedAt,
      scanning: d.refreshing,
    }));
  }

  async playlists(signal?: AbortSignal): Promise<{ items: Playlist[]; skipped: number }> {
    const body = await this.get(listSchema, '/playlists', { playlistType: 'audio' }, signal);
    return mapItems('playlist', body.MediaContainer.Metadata);
  }

  async playlist(id: string, signal?: AbortSignal): Promise<Playlist> {
    const body = await this.get(listSchema, `/playlists/${encodeURIComponent(id)}`, {}, signal);
    const found = mapItems('playlist', body.MediaContainer.Metadata).items[0];
    if (!found) throw new PlexError({ code: 'gone', status: 404, item: 'playlist' });
    return found;
  }

  playlistItems(
    id: string,
    start: number,
    size: number,
    signal?: AbortSignal,
  ): Promise<ItemsPage<Track>> {
    return this.page(
      'track',
      `/playlists/${encodeURIComponent(id)}/items`,
      start,
      size,
      {},
      signal,
    );
  }

  /**
   * One page of a section's artists, albums or tracks, in the server's `sort` order (Plex's sort
   * keys: `titleSort`, `artist.titleSort`, `album.titleSort`, `addedAt:desc`). A library of
   * 150,000 tracks can't be sorted on the device: the server sorts, the app pages.
   */
  sectionItems<K extends 'artist' | 'album' | 'track'>(
    kind: K,
    sectionKey: string,
    sort: string,
    start: number,
    size: number,
    signal?: AbortSignal,
  ) {
    return this.page(
      kind,
      `/library/sections/${encodeURIComponent(sectionKey)}/all`,
      start,
      size,
      { type: METADATA_TYPE[kind], sort },
      signal,
    );
  }

  /**
   * The newest albums. Not the section's /recentlyAdded: modern servers answer it with tracks
   * (docs/plex-api.md); python-plexapi asks for albums sorted by when they were added.
   */
  async recentlyAddedAlbums(
    sectionKey: string,
    size: number,
    signal?: AbortSignal,
  ): Promise<Album[]> {
    const page = await this.page(
      'album',
      `/library/sections/${encodeURIComponent(sectionKey)}/all`,
      0,
      size,
      { type: 9, sort: 'addedAt:desc' },
      signal,
    );
    return page.items;
  }

  async item<K extends 'artist' | 'album'>(kind: K, id: string, signal?: AbortSignal) {
    const body = await this.get(
      listSchema,
      `/library/metadata/${encodeURIComponent(id)}`,
      {},
      signal,
    );
    const found = mapItems(kind, body.MediaContainer.Metadata).items[0];
    if (!found) throw new PlexError({ code: 'gone', status: 404, item: kind });
    return found;
  }

  async children<K extends 'album' | 'track'>(kind: K, id: string, signal?: AbortSignal) {
    const body = await this.get(
      listSchema,
      `/library/metadata/${encodeURIComponent(id)}/children`,
      {},
      signal,
    );
    return mapItems(kind, body.MediaContainer.Metadata);
  }

  async search(
    query: string,
    sectionKey: string | undefined,
    signal?: AbortSignal,
  ): Promise<SearchResults> {
    const body = await this.get(
      hubsSchema,
      '/hubs/search',
      { query, sectionId: sectionKey, limit: 30 },
      signal,
    );
    const hub = (type: string) =>
      body.MediaContainer.Hub.filter((h) => h.type === type).flatMap((h) => h.Metadata);
    return {
      artists: mapItems('artist', hub('artist')).items,
      albums: mapItems('album', hub('album')).items,
      tracks: mapItems('track', hub('track')).items,
    };
  }

  /** Asks the server to scan a library for new files. */
  async refreshSection(sectionKey: string): Promise<void> {
    await this.guard(() =>
      send(
        {
          url: `${this.options.baseUrl()}/library/sections/${encodeURIComponent(sectionKey)}/refresh`,
          params: this.params(),
          timeoutMs: 15_000,
        },
        this.options.fetchImpl,
      ),
    );
  }

  /**
   * Artwork resized by the server to what is shown. The URL carries the token: it is only fetched
   * (in a worker, without the HTTP cache or a Referer) and never stored or shown (lib/artwork.ts).
   */
  artworkUrl(path: string, width: number, height = width): string {
    return buildUrl(`${this.options.baseUrl()}/photo/:/transcode`, {
      url: path,
      width: Math.round(width),
      height: Math.round(height),
      minSize: 1,
      upscale: 1,
      'X-Plex-Token': this.options.token,
    });
  }
}
