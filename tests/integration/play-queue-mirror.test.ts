// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Track } from '../../src/domain';
import { playQueuesOf } from '../../src/lib/plex/play-queues';
import { LIVING_ROOM_ID } from '../fake-plex/scenarios';
import { pmsOnFake } from './pms-on-fake';
import { startPlayQueueMirror, WINDOW } from '../../src/features/player/play-queue-mirror';
import { diffQueues } from '../../src/features/player/queue-diff';
import * as q from '../../src/features/player/queue';

/** The mirror against the fake Plex's play queues (which behave as a real server's). */
function setup() {
  const { fake, server, client } = pmsOnFake();
  let online = true;
  let queue = q.emptyQueue;
  const mirror = startPlayQueueMirror({
    server: () => (online ? { serverId: LIVING_ROOM_ID, playQueues: playQueuesOf(client) } : null),
    queue: () => queue,
  });
  const set = (next: q.QueueState) => {
    const prev = queue;
    queue = next;
    mirror.queueChanged(prev, next);
  };
  const toTrack = (t: (typeof server.library.tracks)[number]): Track => ({
    id: t.ratingKey,
    title: t.title,
    artist: '',
    album: '',
    media: null,
  });
  const roadTrip = server.library.playlists[0];
  if (!roadTrip) throw new Error('no playlist');
  const roadTripTracks = Array.from({ length: roadTrip.size }, (_, i) =>
    toTrack(roadTrip.itemAt(i)),
  );
  /** Plex's queue as the fake holds it: track ids in order. */
  const plexOrder = (queueId: number | undefined) =>
    server.playQueues.queues.get(queueId ?? -1)?.items.map((i) => i.track.ratingKey) ?? [];
  const localOrder = (from = 0) => queue.items.slice(from).map((i) => i.track.id);
  return {
    fake,
    server,
    mirror,
    set,
    get queue() {
      return queue;
    },
    roadTripTracks,
    allTracks: server.library.tracks.map(toTrack),
    plexOrder,
    localOrder,
    offline: (is: boolean) => (online = !is),
  };
}

const current = (s: q.QueueState) => q.current(s)?.uid ?? '';

describe("Plex's play queue, mirrored", () => {
  it('makes it from the playlist itself, with the tapped track selected', async () => {
    const t = setup();
    t.set(q.playFrom(t.queue, t.roadTripTracks, 4, undefined, { kind: 'playlist', id: '9001' }));
    const itemId = await t.mirror.itemIdFor(current(t.queue));
    const made = t.fake.requests.find((r) => r.path === '/playQueues' && r.method === 'POST');
    expect(made?.query).toMatchObject({
      type: 'audio',
      playlistID: '9001',
      uri: `server://${LIVING_ROOM_ID}/com.plexapp.plugins.library/playlists/9001/items`,
      key: `/library/metadata/${t.roadTripTracks[4]?.id}`,
    });
    const link = t.mirror.link();
    expect(t.plexOrder(link?.queueId)).toEqual(t.localOrder());
    const plexQueue = t.server.playQueues.queues.get(link?.queueId ?? -1);
    expect(plexQueue?.items[4]?.itemId).toBe(itemId);
  });

  it('makes it from the track ids of a list that is not a playlist or album, from the entry playing', async () => {
    const t = setup();
    t.set(q.playFrom(t.queue, t.allTracks.slice(0, 20), 3));
    await t.mirror.itemIdFor(current(t.queue));
    expect(t.plexOrder(t.mirror.link()?.queueId)).toEqual(t.localOrder(3));
  });

  it('follows moves, removals and additions made to the local queue', async () => {
    const t = setup();
    t.set(q.playFrom(t.queue, t.roadTripTracks, 0, undefined, { kind: 'playlist', id: '9001' }));
    await t.mirror.itemIdFor(current(t.queue));
    const queueId = t.mirror.link()?.queueId;
    t.set(q.move(t.queue, 5, 2));
    t.set(q.remove(t.queue, 7));
    t.set(q.addToQueue(t.queue, [t.allTracks[40] as Track]));
    t.set(q.move(t.queue, 1, 6));
    await t.mirror.itemIdFor(current(t.queue));
    expect(t.mirror.link()?.queueId).toBe(queueId);
    expect(t.plexOrder(queueId)).toEqual(t.localOrder());
    // Each edit was one request of its own kind, not a new queue.
    const edits = t.fake.requests.filter((r) => r.path.startsWith('/playQueues/'));
    expect(edits.map((r) => r.method)).toEqual(['PUT', 'DELETE', 'PUT', 'PUT']);
  });

  it('sends quick edits in order, each as it was made, while the queue is still being made', async () => {
    const t = setup();
    t.set(q.playFrom(t.queue, t.roadTripTracks, 0, undefined, { kind: 'playlist', id: '9001' }));
    // Not waiting for anything: the queue is being made on the server meanwhile.
    t.set(q.addToQueue(t.queue, [t.allTracks[40] as Track]));
    t.set(q.addToQueue(t.queue, [t.allTracks[41] as Track]));
    t.set(q.remove(t.queue, t.queue.items.length - 2));
    await t.mirror.itemIdFor(current(t.queue));
    expect(t.plexOrder(t.mirror.link()?.queueId)).toEqual(t.localOrder());
  });

  it('gives an entry the id of its own item when the same track is queued twice', async () => {
    const t = setup();
    const track = t.allTracks[2] as Track;
    t.set(q.playFrom(t.queue, [track, track], 0));
    const first = await t.mirror.itemIdFor(t.queue.items[0]?.uid ?? '');
    const second = await t.mirror.itemIdFor(t.queue.items[1]?.uid ?? '');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first).not.toBe(second);
  });

  it('keeps the local queue as the truth offline, and Plex gets it when back', async () => {
    const t = setup();
    t.set(q.playFrom(t.queue, t.roadTripTracks, 0, undefined, { kind: 'playlist', id: '9001' }));
    await t.mirror.itemIdFor(current(t.queue));
    t.offline(true);
    t.set(q.setShuffle(t.queue, true, () => 0.3));
    t.set(q.remove(t.queue, 3));
    t.set(q.jumpTo(t.queue, 2));
    expect(await t.mirror.itemIdFor(current(t.queue))).toBeUndefined();
    t.offline(false);
    const itemId = await t.mirror.itemIdFor(current(t.queue));
    const link = t.mirror.link();
    // A new queue of what plays now, in the local (shuffled, edited) order.
    expect(t.plexOrder(link?.queueId)).toEqual(t.localOrder(t.queue.index));
    expect(t.server.playQueues.queues.get(link?.queueId ?? -1)?.items[0]?.itemId).toBe(itemId);
  });

  it('tops up a long queue made of ids as playback nears the end of what Plex holds', async () => {
    const t = setup();
    const long = Array.from(
      { length: 250 },
      (_, i) => t.allTracks[i % t.allTracks.length] as Track,
    );
    t.set(q.playFrom(t.queue, long, 0));
    await t.mirror.itemIdFor(current(t.queue));
    const queueId = t.mirror.link()?.queueId;
    expect(t.plexOrder(queueId)).toHaveLength(WINDOW);
    t.set(q.jumpTo(t.queue, WINDOW + 5));
    expect(await t.mirror.itemIdFor(current(t.queue))).toBeDefined();
    expect(t.mirror.link()?.queueId).toBe(queueId);
    expect(t.plexOrder(queueId)).toEqual(t.localOrder().slice(0, 2 * WINDOW));
  });
});

describe('queue diffs', () => {
  const tracks = Array.from({ length: 6 }, (_, i) => ({
    id: String(i),
    title: String(i),
    artist: '',
    album: '',
    media: null,
  }));
  const base = q.playFrom(q.emptyQueue, tracks, 0);
  const uid = (i: number) => base.items[i]?.uid;

  it('names the edits Plex can follow', () => {
    expect(diffQueues(base, q.jumpTo(base, 3))).toEqual({ kind: 'none' });
    // A rating changes a track's data, not the queue Plex holds.
    expect(diffQueues(base, q.withTrack(base, '2', { userRating: 6 }))).toEqual({ kind: 'none' });
    expect(diffQueues(base, q.playFrom(base, tracks, 0))).toEqual({ kind: 'new' });
    expect(diffQueues(base, q.remove(base, 2))).toEqual({ kind: 'remove', uid: uid(2) });
    expect(diffQueues(base, q.remove(base, 5))).toEqual({ kind: 'remove', uid: uid(5) });
    expect(diffQueues(base, q.move(base, 1, 4))).toEqual({
      kind: 'move',
      uid: uid(1),
      afterUid: uid(4),
    });
    expect(diffQueues(base, q.move(base, 4, 0))).toEqual({
      kind: 'move',
      uid: uid(4),
      afterUid: null,
    });
    expect(diffQueues(base, q.addToQueue(base, [tracks[0] as Track]))).toEqual({
      kind: 'append',
      count: 1,
    });
    expect(diffQueues(base, q.playNext(base, [tracks[0] as Track]))).toEqual({ kind: 'other' });
  });
});
