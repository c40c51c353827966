// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { perform, useDownloadsStore } from './downloads-store';
import { settleWrites } from './outbox';
import { loadDownloads } from './tab-group';

const track = (n: number): Track => ({
  id: String(n),
  title: `Song ${n}`,
  artist: 'Band',
  album: 'Record',
  durationMs: 1_000,
  media: { partId: n, partKey: `/library/parts/${n}/file.mp3`, size: 1_000 },
});
const playlist = { id: 'playlist:s:1', kind: 'playlist' as const, title: 'Mix', serverId: 's' };
const store = () => useDownloadsStore.getState();

beforeEach(async () => {
  await store().removeAll();
  await loadDownloads();
});

describe('a set queued in pieces', () => {
  it('stays deleted when a later piece lands after the delete', async () => {
    await perform({
      do: 'enqueue',
      set: playlist,
      tracks: [track(1), track(2)],
      quality: 'original',
      more: true,
    });
    expect(store().sets[playlist.id]?.keys).toHaveLength(2);
    await perform({ do: 'remove-set', id: playlist.id });
    // The next piece was already on its way (another tab's ask, or this one's check passed).
    await perform({
      do: 'enqueue',
      set: playlist,
      tracks: [track(3)],
      quality: 'original',
      more: false,
      continues: true,
    });
    expect(store().sets[playlist.id]).toBeUndefined();
    expect(Object.keys(store().jobs)).toEqual([]);
  });

  it('a first piece makes the set, and the pieces after it add to it', async () => {
    await perform({
      do: 'enqueue',
      set: playlist,
      tracks: [track(1)],
      quality: 'original',
      more: true,
    });
    await perform({
      do: 'enqueue',
      set: playlist,
      tracks: [track(2)],
      quality: 'original',
      continues: true,
    });
    expect(store().sets[playlist.id]?.keys).toHaveLength(2);
  });
});

describe('a tab closed while a set is being queued', () => {
  it('leaves the jobs of the pieces it queued in the set, so deleting the set removes them', async () => {
    const first = { do: 'enqueue', set: playlist, quality: 'original', more: true } as const;
    await perform({ ...first, tracks: [track(1)] });
    await perform({ ...first, tracks: [track(2), track(3)], continues: true });
    await settleWrites();
    // The tab closes before the last piece; the next one reads what it left.
    await loadDownloads();
    expect(store().sets[playlist.id]?.keys).toHaveLength(3);
    await perform({ do: 'remove-set', id: playlist.id });
    expect(Object.keys(store().jobs)).toEqual([]);
    await loadDownloads();
    expect(Object.keys(store().jobs)).toEqual([]);
  });
});

describe('a big piece queued', () => {
  it('is done a slice at a time, other tasks running between the slices', async () => {
    const tracks = Array.from({ length: 2_000 }, (_, i) => track(100 + i));
    const seen: number[] = [];
    const done = perform({ do: 'enqueue', set: playlist, tracks, quality: 'original' });
    // A task queued now runs before the enqueue is over: it isn't one long task.
    const between = new Promise<void>((resolve) =>
      setTimeout(() => {
        seen.push(Object.keys(store().jobs).length);
        resolve();
      }, 0),
    );
    await Promise.all([done, between]);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(2_000);
    expect(Object.keys(store().jobs)).toHaveLength(2_000);
    expect(store().sets[playlist.id]?.keys).toHaveLength(2_000);
  });
});
