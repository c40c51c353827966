import { albumJson, artistJson, playlistJson, trackJson } from './library-json';
import type { FakeLibrary, LibTrack } from './library';
import type { FakeServer } from './model';
import { corsHeaders, plexBody, plexParam, text } from './respond';
import { coverPng } from './cover-png';

interface Page {
  start: number;
  size: number | null;
}

function pageOf(request: Request, url: URL): Page {
  const start = Number(plexParam(request, url, 'X-Plex-Container-Start') ?? 0);
  const size = plexParam(request, url, 'X-Plex-Container-Size');
  return { start: Number.isFinite(start) ? start : 0, size: size === null ? null : Number(size) };
}

/** Paging as INFO describes it: offset/size/totalSize; size 0 returns only the total. */
function paged<T>(server: FakeServer, all: { length: number; at(i: number): T }, page: Page) {
  if (server.ignoresPaging || page.size === null) {
    return {
      items: Array.from({ length: all.length }, (_, i) => all.at(i)),
      offset: undefined,
      totalSize: undefined,
    };
  }
  const start = Math.min(page.start, all.length);
  const end = Math.min(all.length, start + page.size);
  return {
    items: Array.from({ length: end - start }, (_, i) => all.at(start + i)),
    offset: start,
    totalSize: all.length,
  };
}

function container(
  items: unknown[],
  extra: Record<string, unknown> = {},
  offset?: number,
  totalSize?: number,
) {
  return { MediaContainer: { size: items.length, offset, totalSize, ...extra, Metadata: items } };
}

const list = <T>(values: T[]) => ({ length: values.length, at: (i: number) => values[i] as T });

function bySort<T extends { title: string; addedAt: number }>(
  values: T[],
  sort: string | null,
): T[] {
  const copy = [...values];
  if (sort === 'addedAt:desc') copy.sort((a, b) => b.addedAt - a.addedAt);
  else if (sort?.startsWith('addedAt')) copy.sort((a, b) => a.addedAt - b.addedAt);
  else copy.sort((a, b) => a.title.localeCompare(b.title));
  return copy;
}

function albumTracks(lib: FakeLibrary, albumKey: string): LibTrack[] {
  return lib.tracks
    .filter((t) => t.albumKey === albumKey)
    .sort((a, b) => a.disc - b.disc || a.index - b.index);
}

/** Playlists, sections' contents, metadata, search, recently added, artwork and scans. */
export function pmsLibraryRoute(server: FakeServer, request: Request, url: URL): Response | null {
  const lib = server.library;
  const path = url.pathname;
  const page = pageOf(request, url);

  if (path === '/playlists') {
    const type = url.searchParams.get('playlistType');
    const playlists = type && type !== 'audio' ? [] : lib.playlists;
    return plexBody(request, 'MediaContainer', container(playlists.map(playlistJson)));
  }

  let m = /^\/playlists\/(\d+)\/items$/.exec(path);
  if (m) {
    const playlist = lib.playlists.find((p) => p.ratingKey === m?.[1]);
    if (!playlist)
      return text(request, 404, '<html><body>404 Not Found</body></html>', 'text/html');
    const { items, offset, totalSize } = paged(
      server,
      { length: playlist.size, at: (i) => ({ track: playlist.itemAt(i), i }) },
      page,
    );
    const json = items.map(({ track, i }) =>
      trackJson(lib, track, playlist.smart ? undefined : 70_000 + i),
    );
    return plexBody(
      request,
      'MediaContainer',
      container(
        json,
        { title: playlist.title, smart: playlist.smart, leafCount: playlist.size },
        offset,
        totalSize ?? playlist.size,
      ),
    );
  }

  m = /^\/playlists\/(\d+)$/.exec(path);
  if (m) {
    const playlist = lib.playlists.find((p) => p.ratingKey === m?.[1]);
    if (!playlist)
      return text(request, 404, '<html><body>404 Not Found</body></html>', 'text/html');
    return plexBody(request, 'MediaContainer', container([playlistJson(playlist)]));
  }

  m = /^\/library\/sections\/([^/]+)\/(all|recentlyAdded|refresh)$/.exec(path);
  if (m) {
    const [, sectionKey, what] = m;
    if (!server.sections.some((s) => s.key === sectionKey))
      return text(request, 404, 'no such section');
    if (what === 'refresh') {
      lib.scanningUntil.set(sectionKey ?? '', Date.now() + 3000);
      return text(request, 200, '');
    }
    const inSection = <T extends { sectionKey: string }>(values: T[]) =>
      values.filter((v) => v.sectionKey === sectionKey);
    if (what === 'recentlyAdded') {
      // Modern servers answer a section's recentlyAdded with leaves (tracks), not albums
      // (plex-api.md "Music on a Plex Media Server"): albums come from /all?type=9&sort=addedAt.
      const tracks = bySort(inSection(lib.tracks), 'addedAt:desc').map((t) => trackJson(lib, t));
      const { items, offset, totalSize } = paged(server, list(tracks), page);
      return plexBody(
        request,
        'MediaContainer',
        container(items, { viewGroup: 'track' }, offset, totalSize),
      );
    }
    const type = url.searchParams.get('type') ?? '8';
    const sort = url.searchParams.get('sort');
    const json: unknown[] =
      type === '9'
        ? bySort(inSection(lib.albums), sort).map((a) => albumJson(lib, a))
        : type === '10'
          ? bySort(inSection(lib.tracks), sort).map((t) => trackJson(lib, t))
          : bySort(inSection(lib.artists), sort).map(artistJson);
    const { items, offset, totalSize } = paged(server, list(json), page);
    return plexBody(request, 'MediaContainer', container(items, {}, offset, totalSize));
  }

  m = /^\/library\/metadata\/(\d+)(\/children)?$/.exec(path);
  if (m) {
    const [, key, children] = m;
    const artist = lib.artists.find((a) => a.ratingKey === key);
    const album = lib.albums.find((a) => a.ratingKey === key);
    const track = lib.tracks.find((t) => t.ratingKey === key);
    if (!children) {
      const item = artist
        ? artistJson(artist)
        : album
          ? albumJson(lib, album)
          : track
            ? trackJson(lib, track)
            : null;
      if (!item) return text(request, 404, '<html><body>404 Not Found</body></html>', 'text/html');
      return plexBody(request, 'MediaContainer', container([item]));
    }
    if (artist) {
      const albums = lib.albums
        .filter((a) => a.artistKey === key)
        .sort((a, b) => a.year - b.year)
        .map((a) => albumJson(lib, a));
      return plexBody(
        request,
        'MediaContainer',
        container(albums, { title1: artist.title, title2: 'Albums' }),
      );
    }
    if (album) {
      const tracks = albumTracks(lib, album.ratingKey).map((t) => trackJson(lib, t));
      return plexBody(
        request,
        'MediaContainer',
        container(tracks, { title1: album.title, parentYear: album.year }),
      );
    }
    return text(request, 404, '<html><body>404 Not Found</body></html>', 'text/html');
  }

  if (path === '/hubs/search') {
    const q = (url.searchParams.get('query') ?? '').toLocaleLowerCase();
    const sectionId = url.searchParams.get('sectionId');
    const match = (title: string, sectionKey: string) =>
      q !== '' && title.toLocaleLowerCase().includes(q) && (!sectionId || sectionId === sectionKey);
    const hub = (type: string, title: string, items: unknown[]) => ({
      hubIdentifier: type,
      title,
      type,
      size: items.length,
      Metadata: items,
    });
    const hubs = [
      hub(
        'artist',
        'Artists',
        lib.artists.filter((a) => match(a.title, a.sectionKey)).map(artistJson),
      ),
      hub(
        'album',
        'Albums',
        lib.albums.filter((a) => match(a.title, a.sectionKey)).map((a) => albumJson(lib, a)),
      ),
      hub(
        'track',
        'Tracks',
        lib.tracks
          .filter((t) => match(t.title, t.sectionKey))
          .slice(0, 50)
          .map((t) => trackJson(lib, t)),
      ),
    ];
    return plexBody(request, 'MediaContainer', {
      MediaContainer: { size: hubs.length, Hub: hubs },
    });
  }

  if (path === '/photo/:/transcode' || /^\/playlists\/\d+\/composite\/\d+$/.test(path)) {
    // CORS like the rest of the server's API: PlexM8 fetches artwork (docs/plex-api.md).
    const png = coverPng(
      url.searchParams.get('url') ?? path,
      Number(url.searchParams.get('width') ?? 300),
    );
    return new Response(png, {
      headers: {
        ...corsHeaders(request),
        'Content-Type': 'image/png',
        'Content-Length': String(png.byteLength),
        'Cache-Control': 'max-age=3600',
      },
    });
  }

  return null;
}
