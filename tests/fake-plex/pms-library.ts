import { albumJson, artistJson, playlistJson, trackJson } from './library-json';
import type { ItemList } from './library';
import { parseSort } from './library-types';
import type { FakeServer } from './model';
import { corsHeaders, plexBody, plexParam, text } from './respond';
import { coverPng } from './cover-png';
import { searchHubs } from './pms-search';

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
function paged<T>(server: FakeServer, all: ItemList<T>, page: Page) {
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
    const section = sectionKey ?? '';
    // Only the page asked for is made into JSON: the Collector's lists are 150,000 long.
    const json = <T>(all: ItemList<T>, toJson: (item: T) => unknown): ItemList<unknown> => ({
      length: all.length,
      at: (i) => toJson(all.at(i)),
    });
    if (what === 'recentlyAdded') {
      // Modern servers answer a section's recentlyAdded with leaves (tracks), not albums
      // (docs/plex-api.md "Music on a server"): albums come from /all?type=9&sort=addedAt.
      const tracks = lib.find.tracks(section, { by: 'added', desc: true });
      const { items, offset, totalSize } = paged(
        server,
        json(tracks, (t) => trackJson(lib, t)),
        page,
      );
      return plexBody(
        request,
        'MediaContainer',
        container(items, { viewGroup: 'track' }, offset, totalSize),
      );
    }
    const type = url.searchParams.get('type') ?? '8';
    const sort = parseSort(url.searchParams.get('sort'));
    const all =
      type === '9'
        ? json(lib.find.albums(section, sort), (a) => albumJson(lib, a))
        : type === '10'
          ? json(lib.find.tracks(section, sort), (t) => trackJson(lib, t))
          : json(lib.find.artists(section, sort), artistJson);
    const { items, offset, totalSize } = paged(server, all, page);
    return plexBody(request, 'MediaContainer', container(items, {}, offset, totalSize));
  }

  m = /^\/library\/metadata\/(\d+)(\/children)?$/.exec(path);
  if (m) {
    const [, key, children] = m;
    const artist = lib.find.artist(key ?? '');
    const album = artist ? undefined : lib.find.album(key ?? '');
    const track = artist || album ? undefined : lib.find.track(key ?? '');
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
      const albums = lib.find.albumsOf(artist.ratingKey).map((a) => albumJson(lib, a));
      return plexBody(
        request,
        'MediaContainer',
        container(albums, { title1: artist.title, title2: 'Albums' }),
      );
    }
    if (album) {
      const tracks = lib.find.tracksOf(album.ratingKey).map((t) => trackJson(lib, t));
      return plexBody(
        request,
        'MediaContainer',
        container(tracks, { title1: album.title, parentYear: album.year }),
      );
    }
    return text(request, 404, '<html><body>404 Not Found</body></html>', 'text/html');
  }

  if (path === '/hubs/search') return searchHubs(lib, request, url);

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
