import { beforeEach, describe, expect, it, vi } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import { idbGet, idbSet } from '../../lib/idb';
import { player } from './player';
import { PLAYER_KEY, usePlayerStore } from './player-store';
import { emptyQueue } from './queue';

const track = (id: string) => aTrack({ id });

/** Exactly what builds before issue 14 wrote (version 1, no server). */
const savedBeforeServers = {
  version: 1,
  state: {
    queue: {
      items: [{ uid: 'a-1', track: track('11') }],
      original: [{ uid: 'a-1', track: track('11') }],
      index: 0,
      shuffle: false,
      repeat: 'all',
    },
    volume: 0.4,
    muted: false,
    quality: '192',
  },
};

const reset = () =>
  usePlayerStore.setState({ queue: emptyQueue, serverId: null, notice: null, volume: 1 });

describe('the player as stored', () => {
  beforeEach(async () => {
    reset();
    // The store writes after the task (deferWrites): let that write land before the test's own.
    await new Promise((done) => setTimeout(done, 0));
  });

  it("brings back an older version's queue, to be adopted by the server it is played on", async () => {
    await idbSet(PLAYER_KEY, savedBeforeServers);
    await usePlayerStore.persist.rehydrate();
    const s = usePlayerStore.getState();
    expect(s.queue.items.map((i) => i.track.title)).toEqual(['Song 11']);
    expect([s.volume, s.quality, s.queue.repeat, s.serverId]).toEqual([0.4, '192', 'all', null]);
    player.adoptServer('server-a');
    player.adoptServer('server-b');
    expect(usePlayerStore.getState().serverId).toBe('server-a');
  });

  it("loads today's stored queue (version 2, entries inline), and stores it apart from then on", async () => {
    const today = {
      version: 2,
      state: {
        ...savedBeforeServers.state,
        serverId: 'server-a',
        queue: {
          items: [
            { uid: 'a-1', track: track('11') },
            { uid: 'a-2', track: track('12') },
          ],
          original: [
            { uid: 'a-2', track: track('12') },
            { uid: 'a-1', track: track('11') },
          ],
          index: 1,
          shuffle: true,
          repeat: 'one',
          origin: undefined,
        },
      },
    };
    await idbSet(PLAYER_KEY, today);
    await usePlayerStore.persist.rehydrate();
    const s = usePlayerStore.getState();
    expect(s.queue.items.map((i) => i.track.title)).toEqual(['Song 11', 'Song 12']);
    expect(s.queue.original.map((i) => i.uid)).toEqual(['a-2', 'a-1']);
    expect([s.queue.index, s.queue.shuffle, s.queue.repeat, s.serverId, s.volume]).toEqual([
      1,
      true,
      'one',
      'server-a',
      0.4,
    ]);
    // Migrated, it is written back the new way: the player record without its entries.
    await vi.waitFor(async () =>
      expect(await idbGet(PLAYER_KEY)).toMatchObject({
        version: 3,
        state: { queue: { index: 1 } },
      }),
    );
    expect(JSON.stringify(await idbGet(PLAYER_KEY))).not.toContain('Song 11');
    expect(await idbGet('player-order')).toMatchObject({
      items: ['a-1', 'a-2'],
      original: ['a-2', 'a-1'],
    });
  });

  it('starts empty, rather than broken, from a newer build’s or an unreadable store', async () => {
    await idbSet(PLAYER_KEY, { ...savedBeforeServers, version: 99 });
    await usePlayerStore.persist.rehydrate();
    expect(usePlayerStore.getState().queue.items).toEqual([]);
    // A queue entry with no track id can't be played or reported: the store is dropped whole.
    await idbSet(PLAYER_KEY, {
      version: 2,
      state: {
        ...savedBeforeServers.state,
        serverId: 'server-a',
        queue: { ...savedBeforeServers.state.queue, items: [{ uid: 'x', track: {} }] },
      },
    });
    await usePlayerStore.persist.rehydrate();
    expect(usePlayerStore.getState().queue.items).toEqual([]);
    expect(usePlayerStore.getState().volume).toBe(1);
  });

  it('never writes over a newer build’s store, in the old tab that read it', async () => {
    const newer = { ...savedBeforeServers, version: 99 };
    await idbSet(PLAYER_KEY, newer);
    await usePlayerStore.persist.rehydrate();
    // The old tab goes on being used: its changes stay in memory.
    player.setVolume(0.3);
    player.playTracks([track('1')], 0, undefined, 'server-a');
    // Time passing is the check: past when a write would have landed, none has.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await idbGet(PLAYER_KEY)).toEqual(newer);
    // Cleared (a sign-out), the store is this build's to write again.
    await usePlayerStore.persist.clearStorage();
    player.setVolume(0.5);
    await vi.waitFor(async () =>
      expect(await idbGet<{ version: number }>(PLAYER_KEY)).toMatchObject({ version: 3 }),
    );
  });

  it("keeps one server's tracks out of another server's queue", () => {
    player.playTracks([track('1'), track('2')], 0, undefined, 'server-a');
    player.addToQueue([track('1')], 'server-b');
    let s = usePlayerStore.getState();
    expect(s.queue.items).toHaveLength(2);
    expect(s.notice).toMatch(/queue is from another server/);
    player.playNext([track('3')], 'server-a');
    s = usePlayerStore.getState();
    expect(s.queue.items.map((i) => i.track.id)).toEqual(['1', '3', '2']);
    // Playing another server's list starts a queue of its own, on that server.
    player.playTracks([track('1')], 0, undefined, 'server-b');
    expect(usePlayerStore.getState()).toMatchObject({ serverId: 'server-b' });
  });
});
