import type { LibTrack } from './library';
import { trackJson } from './library-json';
import type { FakeServer } from './model';
import { plexBody, plexParam, text } from './respond';

/**
 * Plex's server-side play queues (docs/plex-api.md "Play queues"): made from a playlist, an
 * album or a list of tracks, answered as a window around the selected item, edited item by item.
 */
interface FakePlayQueue {
  id: number;
  /** X-Plex-Client-Identifier of the client that made it: only its own queues count for it. */
  clientId: string;
  items: Array<{ itemId: number; track: LibTrack }>;
  selectedItemId: number;
  version: number;
  playlistId: string | null;
  lastAddedItemId: number | null;
}

export interface FakePlayQueues {
  queues: Map<number, FakePlayQueue>;
  nextQueueId: number;
  nextItemId: number;
}

export function createPlayQueues(): FakePlayQueues {
  return { queues: new Map(), nextQueueId: 3100, nextItemId: 41_000 };
}

/** How many items a queue answer carries at most (real servers send a window of big queues). */
const WINDOW = 100;

/** `server://<machine>/com.plexapp.plugins.library<path>` → the tracks it names, or null. */
function tracksOfUri(server: FakeServer, uri: string): LibTrack[] | null {
  const prefix = `server://${server.machineIdentifier}/com.plexapp.plugins.library`;
  if (!uri.startsWith(prefix)) return null;
  const path = uri.slice(prefix.length);
  const lib = server.library;
  const playlist = /^\/playlists\/(\d+)\/items$/.exec(path);
  if (playlist) {
    const found = lib.playlists.find((p) => p.ratingKey === playlist[1]);
    return found ? Array.from({ length: found.size }, (_, i) => found.itemAt(i)) : null;
  }
  const metadata = /^\/library\/metadata\/([\d,]+)$/.exec(path);
  if (!metadata) return null;
  const out: LibTrack[] = [];
  for (const key of (metadata[1] ?? '').split(',')) {
    const track = lib.find.track(key);
    if (track) {
      out.push(track);
      continue;
    }
    // An album (or an artist) stands for its tracks, in order.
    const album = lib.find.album(key);
    const albums = album ? [album] : lib.find.albumsOf(key);
    if (albums.length === 0) return null;
    for (const a of albums) out.push(...lib.find.tracksOf(a.ratingKey));
  }
  return out;
}

function window(queue: FakePlayQueue, centerId: number, size: number, before: boolean) {
  const at = Math.max(
    0,
    queue.items.findIndex((i) => i.itemId === centerId),
  );
  const start = before ? Math.max(0, at - Math.floor(size / 2)) : at;
  return { start, items: queue.items.slice(start, start + size) };
}

function answer(request: Request, server: FakeServer, queue: FakePlayQueue, url: URL) {
  const center = Number(url.searchParams.get('center') ?? queue.selectedItemId);
  const size = Math.min(WINDOW, Number(url.searchParams.get('window') ?? WINDOW) || WINDOW);
  const before = url.searchParams.get('includeBefore') !== '0';
  const { items } = window(queue, center, size, before);
  const selectedOffset = queue.items.findIndex((i) => i.itemId === queue.selectedItemId);
  return plexBody(request, 'MediaContainer', {
    MediaContainer: {
      size: items.length,
      identifier: 'com.plexapp.plugins.library',
      playQueueID: queue.id,
      playQueueSelectedItemID: queue.selectedItemId,
      playQueueSelectedItemOffset: selectedOffset,
      playQueueSelectedMetadataItemID: queue.items[selectedOffset]?.track.ratingKey,
      playQueueShuffled: false,
      playQueueTotalCount: queue.items.length,
      playQueueVersion: queue.version,
      playQueuePlaylistID: queue.playlistId ?? undefined,
      playQueueLastAddedItemID: queue.lastAddedItemId ?? undefined,
      Metadata: items.map((i) => ({
        ...trackJson(server.library, i.track),
        playQueueItemID: i.itemId,
      })),
    },
  });
}

export function pmsPlayQueuesRoute(
  server: FakeServer,
  request: Request,
  url: URL,
): Response | null {
  const state = server.playQueues;
  const clientId = plexParam(request, url, 'X-Plex-Client-Identifier') ?? '';
  const newItems = (tracks: LibTrack[]) =>
    tracks.map((track) => ({ itemId: state.nextItemId++, track }));

  if (url.pathname === '/playQueues' && request.method === 'POST') {
    const playlistId = url.searchParams.get('playlistID');
    const tracks = tracksOfUri(server, url.searchParams.get('uri') ?? '');
    if (url.searchParams.get('type') !== 'audio' || !tracks || tracks.length === 0)
      return text(request, 400, 'Bad Request');
    const items = newItems(tracks);
    const startKey = url.searchParams.get('key');
    const start = items.find((i) => `/library/metadata/${i.track.ratingKey}` === startKey);
    const queue: FakePlayQueue = {
      id: state.nextQueueId++,
      clientId,
      items,
      selectedItemId: (start ?? items[0])?.itemId ?? 0,
      version: 1,
      playlistId,
      lastAddedItemId: null,
    };
    state.queues.set(queue.id, queue);
    return answer(request, server, queue, new URL(`http://x/?center=${queue.selectedItemId}`));
  }

  const m = /^\/playQueues\/(\d+)(?:\/items\/(\d+)(\/move)?)?$/.exec(url.pathname);
  if (!m) return null;
  const queue = state.queues.get(Number(m[1]));
  if (!queue) return text(request, 404, 'Not Found');
  const itemId = m[2] ? Number(m[2]) : null;
  const at = itemId === null ? -1 : queue.items.findIndex((i) => i.itemId === itemId);

  if (itemId === null && request.method === 'GET') return answer(request, server, queue, url);
  if (itemId === null && request.method === 'PUT') {
    const tracks = tracksOfUri(server, url.searchParams.get('uri') ?? '');
    if (!tracks) return text(request, 400, 'Bad Request');
    const added = newItems(tracks);
    const next = url.searchParams.get('next') === '1';
    const selected = queue.items.findIndex((i) => i.itemId === queue.selectedItemId);
    const insertAt = next ? selected + 1 : queue.items.length;
    queue.items.splice(insertAt, 0, ...added);
    queue.lastAddedItemId = added[added.length - 1]?.itemId ?? null;
    queue.version += 1;
    return answer(request, server, queue, new URL(`http://x/?center=${added[0]?.itemId ?? 0}`));
  }
  if (at < 0) return text(request, 404, 'Not Found');
  if (m[3] && request.method === 'PUT') {
    const [moved] = queue.items.splice(at, 1);
    const after = url.searchParams.get('after');
    const to = after === null ? 0 : queue.items.findIndex((i) => i.itemId === Number(after)) + 1;
    if (!moved || (after !== null && to === 0)) return text(request, 400, 'Bad Request');
    queue.items.splice(to, 0, moved);
    queue.version += 1;
    return answer(request, server, queue, new URL(`http://x/?center=${moved.itemId}`));
  }
  if (!m[3] && request.method === 'DELETE') {
    queue.items.splice(at, 1);
    queue.version += 1;
    return answer(request, server, queue, url);
  }
  return text(request, 405, 'Method Not Allowed');
}
