import { foldName } from './fold';
import { albumJson, artistJson, playlistJson, trackJson } from './library-json';
import type { FakeLibrary } from './library-types';
import { plexBody } from './respond';

/** Plex's default when a client sends no `limit`: three items a hub (PMS API docs, /hubs/search). */
const DEFAULT_LIMIT = 3;

interface Hub {
  hubIdentifier: string;
  title: string;
  type: string;
  items: { title: string; json: Record<string, unknown> }[];
}

/**
 * `/hubs/search` as a real server answers it (docs/plex-api.md "Search"): one hub per type,
 * `limit` items per hub (3 when not given), hubs ordered by how well they matched, and related
 * results — an artist that matches brings its albums, marked `reason="artist"`. Clients that
 * pick hubs by `type` and ignore the rest (playlists here) are what a real server needs.
 */
export function searchHubs(lib: FakeLibrary, request: Request, url: URL): Response {
  const asked = Number(url.searchParams.get('limit'));
  const limit = Number.isInteger(asked) && asked > 0 ? asked : DEFAULT_LIMIT;
  const query = url.searchParams.get('query') ?? '';
  const found = lib.find.search(query, url.searchParams.get('sectionId'), limit);

  const albums = found.albums.map((a) => ({ title: a.title, json: albumJson(lib, a) }));
  const seen = new Set(found.albums.map((a) => a.ratingKey));
  for (const artist of found.artists.slice(0, 3))
    for (const album of lib.find.albumsOf(artist.ratingKey)) {
      if (albums.length >= limit) break;
      if (seen.has(album.ratingKey)) continue;
      seen.add(album.ratingKey);
      const json = {
        ...albumJson(lib, album),
        reason: 'artist',
        reasonTitle: artist.title,
        reasonID: Number(artist.ratingKey),
      };
      albums.push({ title: album.title, json });
    }
  const folded = foldName(query.trim());
  const playlists = lib.playlists
    .filter((p) => folded !== '' && foldName(p.title).includes(folded))
    .slice(0, limit);

  const hubs: Hub[] = [
    {
      hubIdentifier: 'artist',
      title: 'Artists',
      type: 'artist',
      items: found.artists.map((a) => ({ title: a.title, json: artistJson(a) })),
    },
    { hubIdentifier: 'album', title: 'Albums', type: 'album', items: albums },
    {
      hubIdentifier: 'track',
      title: 'Tracks',
      type: 'track',
      items: found.tracks.map((t) => ({ title: t.title, json: trackJson(lib, t) })),
    },
    {
      hubIdentifier: 'playlist',
      title: 'Playlists',
      type: 'playlist',
      items: playlists.map((p) => ({ title: p.title, json: playlistJson(p) })),
    },
  ];
  // "Orders the hubs based on quality of results": a hub holding the query's exact name first.
  const exact = (h: Hub) => h.items.some((i) => foldName(i.title) === folded);
  const ordered = [...hubs.filter(exact), ...hubs.filter((h) => !exact(h))];
  const Hub = ordered.map(({ items, ...hub }) => ({
    ...hub,
    hubKey: `/library/metadata/${items.map((i) => String(i.json.ratingKey)).join(',')}`,
    size: items.length,
    more: items.length >= limit,
    Metadata: items.map((i) => i.json),
  }));
  return plexBody(request, 'MediaContainer', { MediaContainer: { size: Hub.length, Hub } });
}
