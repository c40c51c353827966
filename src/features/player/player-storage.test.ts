import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTrack, someTracks } from '../../testing/data-generators';
import { idbDel, idbGet, idbKeysStartingWith } from '../../lib/idb';
import { player } from './player';
import { PLAYER_KEY, usePlayerStore } from './player-store';
import { emptyQueue } from './queue';
import { ORDER_KEY, TRACKS_PREFIX } from './queue-records';

/** The keys IndexedDB was asked to put, in order, since the last call. */
let puts: string[] = [];
const putsSince = () => {
  const seen = puts;
  puts = [];
  return seen;
};
const state = () => usePlayerStore.getState();
const stored = () =>
  idbGet<{ version: number; state: { queue: Record<string, unknown> } }>(PLAYER_KEY);
/** Waits until the player record says `check`. */
const storedWhen = (check: (queue: Record<string, unknown>) => boolean) =>
  vi.waitFor(async () => expect(check((await stored())?.state.queue ?? {})).toBe(true));

describe('the queue as stored', () => {
  beforeEach(async () => {
    await usePlayerStore.persist.clearStorage();
    usePlayerStore.setState({ queue: emptyQueue, serverId: null });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      puts.push(String(key));
      return put.call(this, value, key);
    });
    puts = [];
  });

  it('writes a 4,500-track queue once, as tracks, an order and a small player record', async () => {
    player.playTracks(someTracks(4500), 0, undefined, 'server-a');
    await storedWhen((q) => q.index === 0);
    const written = putsSince();
    expect(written.filter((k) => k.startsWith(TRACKS_PREFIX))).toHaveLength(3);
    expect(written.slice(-2)).toEqual([ORDER_KEY, PLAYER_KEY]);
    // The player record holds the position, not the entries.
    expect(JSON.stringify(await stored()).length).toBeLessThan(500);
    expect((await idbGet<{ items: string[] }>(ORDER_KEY))?.items).toHaveLength(4500);
  });

  it('a track change writes the player record alone; an edit the order, and new tracks only', async () => {
    player.playTracks(someTracks(4500), 0, undefined, 'server-a');
    await storedWhen((q) => q.index === 0);
    putsSince();

    player.next();
    await storedWhen((q) => q.index === 1);
    expect(putsSince()).toEqual([PLAYER_KEY]);

    player.move(10, 2);
    await vi.waitFor(async () =>
      expect((await idbGet<{ items: string[] }>(ORDER_KEY))?.items[2]).toBe(
        state().queue.items[2]?.uid,
      ),
    );
    expect(putsSince()).toEqual([ORDER_KEY, PLAYER_KEY]);

    player.remove(3);
    player.playNext([aTrack({ id: '9999' })], 'server-a');
    // Wait for the new entry itself: the order's length (4,500) was already that before.
    const added = state().queue.items.find((i) => i.track.id === '9999')?.uid;
    expect(added).toBeDefined();
    await vi.waitFor(async () =>
      expect((await idbGet<{ items: string[] }>(ORDER_KEY))?.items).toContain(added),
    );
    expect((await idbGet<{ items: string[] }>(ORDER_KEY))?.items).toHaveLength(4500);
    const written = putsSince();
    expect(written.filter((k) => k.startsWith(TRACKS_PREFIX))).toHaveLength(1);
    expect(written.slice(-2)).toEqual([ORDER_KEY, PLAYER_KEY]);
  });

  it('comes back after a reload as it was: order, shuffle, the track playing', async () => {
    player.playTracks(someTracks(3000), 5, undefined, 'server-a');
    player.toggleShuffle();
    player.move(20, 7);
    player.remove(9);
    player.next();
    const before = state().queue;
    await storedWhen((q) => q.index === before.index && q.shuffle === true);
    usePlayerStore.setState({ queue: emptyQueue });
    await usePlayerStore.persist.rehydrate();
    const after = state().queue;
    expect(after.items.map((i) => i.uid)).toEqual(before.items.map((i) => i.uid));
    expect(after.original.map((i) => i.uid)).toEqual(before.original.map((i) => i.uid));
    expect([after.index, after.shuffle, after.items[after.index]?.track.title]).toEqual([
      before.index,
      true,
      before.items[before.index]?.track.title,
    ]);
  });

  it('a new queue replaces the old tracks; entries whose record is gone are left out', async () => {
    player.playTracks(someTracks(4500), 0, undefined, 'server-a');
    await storedWhen((q) => q.index === 0);
    const first = await idbKeysStartingWith(TRACKS_PREFIX);
    player.playTracks(someTracks(2500), 2100, undefined, 'server-a');
    await storedWhen((q) => q.index === 2100);
    const second = await idbKeysStartingWith(TRACKS_PREFIX);
    expect(second).toHaveLength(2);
    expect(second.some((k) => first.includes(k))).toBe(false);

    // A record lost (a write cut short): its 2,000 entries go, the track playing stays current.
    const order = await idbGet<{ records: string[] }>(ORDER_KEY);
    await idbDel(order?.records[0] ?? '');
    await usePlayerStore.persist.rehydrate();
    expect(state().queue.items).toHaveLength(500);
    expect(state().queue.items[state().queue.index]?.track.title).toBe('Song 2101');
  });

  it('a sign-out removes every record of the queue', async () => {
    player.playTracks(someTracks(2500), 0, undefined, 'server-a');
    await storedWhen((q) => q.index === 0);
    await usePlayerStore.persist.clearStorage();
    expect(await idbKeysStartingWith('player')).toEqual([]);
  });
});
