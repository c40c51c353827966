// @vitest-environment node
// Two tabs of one browser: two copies of the downloads modules (vi.resetModules), one IndexedDB,
// one lock manager, BroadcastChannels between them. Node's Blob survives fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Track } from '../../src/domain';
import { createFakePlex, type FakePlex } from '../fake-plex/handler';
import type { LibTrack } from '../fake-plex/library';
import { partBytes } from '../fake-plex/pms-stream';
import { hostnameScenario, LIVING_ROOM_ID } from '../fake-plex/scenarios';
import { FakeLocks } from './fake-locks';
import type * as Db from '../../src/features/downloads/download-db';
import type * as StoreModule from '../../src/features/downloads/downloads-store';
import type { TabMessage } from '../../src/features/downloads/tab-messages';

let fake: FakePlex;
let locks: FakeLocks;

interface Tab {
  store: typeof StoreModule.useDownloadsStore;
  db: typeof Db;
  close(): Promise<void>;
}
const tabs: Tab[] = [];

/** A tab of PlexM8 opening: its own modules, the shared IndexedDB, locks and channels. */
async function openTab(): Promise<Tab> {
  vi.resetModules();
  const group = await import('../../src/features/downloads/tab-group');
  const { useDownloadsStore } = await import('../../src/features/downloads/downloads-store');
  const db = await import('../../src/features/downloads/download-db');
  const channels: BroadcastChannel[] = [];
  group.setTabPlatform({
    locks,
    openChannel: (name) => {
      const channel = new BroadcastChannel(name);
      channels.push(channel);
      return channel;
    },
  });
  await group.loadDownloads();
  const server = fake.model.servers[0];
  const stop = group.startDownloads({
    sourceFor: (job) => ({
      url: `${server?.connections[0]?.uri}${job.track.media?.partKey}?X-Plex-Token=${server?.accessToken}`,
      transcoded: false,
    }),
    corsRefused: async () => false,
    isOnline: () => true,
    whenOnline: () => () => undefined,
    chunkBytes: 16 * 1024,
    fetchImpl: (input, init) => fake.handle(new Request(String(input), init)),
  });
  const tab: Tab = {
    store: useDownloadsStore,
    db,
    /** The tab closes (its lock and runs end with it). */
    close: async () => {
      await stop();
      for (const channel of channels) channel.close();
      tabs.splice(tabs.indexOf(tab), 1);
    },
  };
  tabs.push(tab);
  return tab;
}

const trackOf = (t: LibTrack): Track => ({
  id: t.ratingKey,
  title: t.title,
  artist: 'Band',
  album: 'Record',
  media: {
    partId: t.partId,
    partKey: `/library/parts/${t.partId}/1/file.mp3`,
    size: partBytes(t).length,
  },
});
const library = () => (fake.model.servers[0]?.library.tracks ?? []).slice(0, 4);
const playlist = {
  id: `playlist:${LIVING_ROOM_ID}:1`,
  kind: 'playlist' as const,
  title: 'Mix',
  serverId: LIVING_ROOM_ID,
};
const keyOf = (t: LibTrack) => `${LIVING_ROOM_ID}:${t.partId}@original`;
const partGets = () =>
  fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/library/parts/'));

async function until(check: () => boolean, ms = 8_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const allDone = (tab: Tab) =>
  library().every((t) => tab.store.getState().jobs[keyOf(t)]?.status === 'done');

beforeEach(async () => {
  fake = createFakePlex(hostnameScenario());
  locks = new FakeLocks();
});
afterEach(async () => {
  // The followers close first; the last tab standing runs, and deletes what the test left.
  for (const tab of [...tabs].reverse()) {
    if (tabs.length === 1) await tab.store.getState().removeAll();
    await tab.close();
  }
});

describe('downloads in two tabs', () => {
  it('are fetched once, by the tab holding the lock, and both tabs see them done', async () => {
    fake.faults.add({ kind: 'throttle', bytesPerSecond: 400_000, path: '/library/parts/' });
    const first = await openTab();
    const second = await openTab();
    await until(() => second.store.getState().elsewhere);
    expect(first.store.getState().elsewhere).toBe(false);
    // Both ask, at once.
    first.store.getState().enqueue(playlist, library().map(trackOf));
    second.store.getState().enqueue(playlist, library().map(trackOf));
    await until(() => allDone(first) && allDone(second));
    expect(
      partGets()
        .map((r) => r.path)
        .sort(),
    ).toEqual(
      library()
        .map((t) => `/library/parts/${t.partId}/1/file.mp3`)
        .sort(),
    );
    for (const t of library()) {
      const file = await second.db.readFile(keyOf(t));
      expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(partBytes(t));
    }
    expect(Object.keys(second.store.getState().onDevice)).toHaveLength(4);
  });

  it('carry on in the other tab from the saved chunks when the downloading tab closes', async () => {
    fake.faults.add({ kind: 'throttle', bytesPerSecond: 40_000, path: '/library/parts/' });
    const first = await openTab();
    const second = await openTab();
    second.store.getState().enqueue(playlist, library().map(trackOf));
    // Chunks saved (a second's worth), then the tab goes.
    await until(() => Object.values(first.store.getState().jobs).some((j) => j.chunks > 0));
    await first.close();
    fake.faults.clear();
    await until(() => allDone(second));
    expect(second.store.getState().elsewhere).toBe(false);
    const resumed = partGets().filter((r) => /^bytes=[1-9]\d*-$/.test(r.headers.range ?? ''));
    expect(resumed.length).toBeGreaterThan(0);
    for (const t of library()) {
      const file = await second.db.readFile(keyOf(t));
      expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(partBytes(t));
    }
  });

  it('stay deleted in every tab, and after a reload, though the runner was downloading them', async () => {
    fake.faults.add({ kind: 'throttle', bytesPerSecond: 40_000, path: '/library/parts/' });
    const first = await openTab();
    const second = await openTab();
    first.store.getState().enqueue(playlist, library().map(trackOf));
    await until(() => Object.keys(second.store.getState().jobs).length === 4);
    await until(() => Object.values(first.store.getState().jobs).some((j) => j.chunks > 0));
    await second.store.getState().removeSet(playlist.id);
    await until(() => Object.keys(first.store.getState().jobs).length === 0);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(second.store.getState().jobs).toEqual({});
    expect(second.store.getState().sets).toEqual({});
    const reloaded = await openTab();
    expect(reloaded.store.getState().jobs).toEqual({});
    expect(reloaded.store.getState().sets).toEqual({});
    for (const t of library()) expect(await reloaded.db.readFile(keyOf(t))).toBeUndefined();
  });

  it('tell the other tabs their progress no more than 4 times a second', async () => {
    // Slow enough that the playlist takes several seconds: at 100 KB/s it was done after four
    // reports, too few to judge a rate by.
    fake.faults.add({ kind: 'throttle', bytesPerSecond: 25_000, path: '/library/parts/' });
    await openTab();
    const second = await openTab();
    const heard: number[] = [];
    const listener = new BroadcastChannel('plexm8@/-downloads');
    listener.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (data.t === 'change' && data.change.t === 'progress') heard.push(Date.now());
    };
    second.store.getState().enqueue(playlist, library().map(trackOf));
    await until(() => Object.keys(second.store.getState().progress).length > 0);
    // Eight reports, however slowly a loaded machine makes them come (a fixed wait heard too few).
    await until(() => heard.length >= 8, 20_000);
    listener.close();
    // The rate over the whole window: one message arriving late (a busy machine delays delivery)
    // can shorten one gap without the sender having sent faster.
    const seconds = ((heard.at(-1) ?? 0) - (heard[0] ?? 0)) / 1000;
    expect((heard.length - 1) / seconds).toBeLessThanOrEqual(4.5);
  });

  it('deletes everything from a following tab, after the runner stopped writing', async () => {
    fake.faults.add({ kind: 'throttle', bytesPerSecond: 40_000, path: '/library/parts/' });
    const first = await openTab();
    const second = await openTab();
    first.store.getState().enqueue(playlist, library().map(trackOf));
    await until(() => Object.values(first.store.getState().jobs).some((j) => j.chunks > 0));
    await second.store.getState().removeAll();
    expect(first.store.getState().jobs).toEqual({});
    await new Promise((r) => setTimeout(r, 1_500));
    const reloaded = await openTab();
    expect(reloaded.store.getState().order).toEqual([]);
  });
});
