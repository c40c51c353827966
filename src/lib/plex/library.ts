import type { Album, ItemsPage, MusicSection, Playlist, SearchResults, Track } from '../../domain';
import { PlexError } from './errors';
import { mapItemsInSlices } from './map-in-slices';
import { mapItems } from './map-metadata';
import { hubsSchema, listSchema } from './metadata-schemas';
import { sectionsSchema } from './schemas';
import type { Params, PmsTransport } from './transport';

/** Plex's metadata type numbers (docs/plex-api.md). */
const METADATA_TYPE = { artist: 8, album: 9, track: 10 } as const;

/**
 * A server's music: sections, playlists, artists, albums, tracks, search, a section's scan and
 * artwork. What the screens read, validated into domain types.
 */
export class PmsLibrary {
  constructor(private readonly transport: PmsTransport) {}

  async musicSections(signal?: AbortSignal): Promise<MusicSection[]> {
    const body = await this.transport.get(sectionsSchema, '/library/sections', {}, signal);
    return body.MediaContainer.Directory.filter((d) => d.type === 'artist').map((d) => ({
      key: d.key,
      title: d.title,
      uuid: d.uuid,
      updatedAt: d.updatedAt,
      scanning: d.refreshing,
    }));
  }

  async playlists(signal?: AbortSignal): Promise<{ items: Playlist[]; skipped: number }> {
    const body = await this.transport.get(
      listSchema,
      '/playlists',
      { playlistType: 'audio' },
      signal,
    );
    return mapItems('playlist', body.MediaContainer.Metadata);
  }

  async playlist(id: string, signal?: AbortSignal): Promise<Playlist> {
    const body = await this.transport.get(
      listSchema,
      `/playlists/${encodeURIComponent(id)}`,
      {},
      signal,
    );
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
    const page = await this.sectionItems('album', sectionKey, 'addedAt:desc', 0, size, signal);
    return page.items;
  }

  async item<K extends 'artist' | 'album'>(kind: K, id: string, signal?: AbortSignal) {
    const body = await this.transport.get(
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
    const body = await this.transport.get(
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
    const body = await this.transport.get(
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
  refreshSection(sectionKey: string): Promise<void> {
    return this.transport.fire(
      `/library/sections/${encodeURIComponent(sectionKey)}/refresh`,
      'GET',
      {},
      15_000,
    );
  }

  /**
   * Artwork resized by the server to what is shown. The URL carries the token: it is only fetched
   * (in a worker, without the HTTP cache or a Referer) and never stored or shown (lib/artwork.ts).
   */
  artworkUrl(path: string, width: number, height = width): string {
    return this.transport.url('/photo/:/transcode', {
      url: path,
      width: Math.round(width),
      height: Math.round(height),
      minSize: 1,
      upscale: 1,
    });
  }

  /** One page of a long list. `complete` when the server sent everything (or ignored paging). */
  private async page<K extends 'track' | 'artist' | 'album'>(
    kind: K,
    path: string,
    start: number,
    size: number,
    extra: Params,
    signal?: AbortSignal,
  ) {
    const body = await this.transport.get(
      listSchema,
      path,
      { ...extra, 'X-Plex-Container-Start': start, 'X-Plex-Container-Size': size },
      signal,
    );
    const mc = body.MediaContainer;
    const raw = mc.Metadata.length;
    // Pages run to thousands of items: mapped in slices, so a tap or a frame never waits long.
    const mapped = await mapItemsInSlices(kind, mc.Metadata);
    // A server may ignore paging and answer the whole list: then this page is everything.
    const ignoredPaging = (mc.offset === undefined && mc.totalSize === undefined) || raw > size;
    const total = ignoredPaging ? raw : (mc.totalSize ?? start + raw);
    const next = start + raw;
    return {
      items: mapped.items,
      skipped: mapped.skipped,
      start,
      next,
      total,
      complete: ignoredPaging || raw === 0 || next >= total,
    };
  }
}
