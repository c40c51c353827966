// @vitest-environment node
// Node's Blob: files and chunks are read back byte for byte.
import { createStore, entries, get, set, type UseStore } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Track } from '../../domain';

/**
 * An upgrade from the release users have today (8b5ed27): its job and set records, files and
 * chunks, written exactly as it wrote them (its types.ts, download-db.ts and idb.ts), under its
 * database names; then this build starts on them.
 */
const SERVER = 'b7e4a1c9d2f30456living';
const legacy = {
  files: () => createStore('plexm8-download-files', 'files'),
  jobs: () => createStore('plexm8-download-jobs', 'jobs'),
  sets: () => createStore('plexm8-download-sets', 'sets'),
  kv: () => createStore('plexm8', 'kv'),
};

const track = (part: number, size: number): Track => ({
  id: String(part - 4000),
  title: `Song ${part}`,
  artist: 'Band',
  album: 'Record',
  durationMs: 8000,
  media: { partId: part, partKey: `/library/parts/${part}/1732000000/file.mp3`, size },
});
const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

/** 8b5ed27's DownloadJob, field for field. */
function jobV1(part: number, size: number, more: Record<string, unknown>) {
  return {
    key: `${part}@original`,
    track: track(part, size),
    quality: 'original',
    serverId: SERVER,
    status: 'queued',
    bytes: 0,
    total: size,
    chunks: 0,
    attempts: 0,
    retryAt: null,
    error: null,
    addedAt: 1_764_000_000_000 + part,
    seq: part,
    ...more,
  };
}

const FINISHED = 5004;
const PARTIAL = 5005;
const SIZE = 3000;

async function writeTodaysDownloads() {
  await set(
    `${FINISHED}@original`,
    jobV1(FINISHED, SIZE, { status: 'done', bytes: SIZE }),
    legacy.jobs(),
  );
  // Cut off by a reload while downloading: two chunks saved.
  await set(
    `${PARTIAL}@original`,
    jobV1(PARTIAL, SIZE, { status: 'downloading', bytes: 2000, chunks: 2 }),
    legacy.jobs(),
  );
  await set('junk@original', { what: 'half-written' }, legacy.jobs());
  await set(
    'later:1@original',
    { v: 4, key: 'later:1@original', shape: 'a newer build' },
    legacy.jobs(),
  );
  await set(
    `playlist:${SERVER}:77`,
    {
      id: `playlist:${SERVER}:77`,
      kind: 'playlist',
      title: 'Road Trip',
      serverId: SERVER,
      keys: [`${FINISHED}@original`, `${PARTIAL}@original`, 'lost@original'],
      addedAt: 1_764_000_000_000,
    },
    legacy.sets(),
  );
  await set(
    `${FINISHED}@original`,
    new Blob([bytes(SIZE, 4)], { type: 'audio/mpeg' }),
    legacy.files(),
  );
  await set(`${PARTIAL}@original#0`, new Blob([bytes(1000, 5)]), legacy.files());
  await set(`${PARTIAL}@original#1`, new Blob([bytes(1000, 5)]), legacy.files());
  await set('junk@original#0', new Blob([bytes(10, 1)]), legacy.files());
  // The settings as zustand's persist wrote them then (version 0).
  await set(
    'download-settings',
    { state: { quality: '320', keepUpdated: false }, version: 0 },
    legacy.kv(),
  );
}

function emptyDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => {
      const db = open.result;
      const names = Array.from(db.objectStoreNames);
      if (names.length === 0) return resolve(db.close());
      const tx = db.transaction(names, 'readwrite');
      for (const store of names) tx.objectStore(store).clear();
      tx.oncomplete = () => resolve(db.close());
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}

const memory = new Map<string, string>();
beforeEach(async () => {
  // Emptied rather than deleted: the last test's modules still hold their connections open.
  for (const { name } of await indexedDB.databases()) if (name) await emptyDatabase(name);
  memory.clear();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  });
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

/** This build starting on the origin: it claims the old databases, then loads downloads. */
async function startNewBuild() {
  await (await import('../../lib/storage-names')).settleStorageNames();
  const tabs = await import('./tab-group');
  tabs.setTabPlatform({ locks: null, openChannel: () => null });
  const { useDownloadsStore, keyOnDevice } = await import('./downloads-store');
  const db = await import('./download-db');
  await tabs.loadDownloads();
  await useDownloadsStore.persist.rehydrate();
  return { tabs, store: useDownloadsStore, keyOnDevice, db };
}

const keysOf = (store: UseStore) => entries(store).then((e) => e.map(([k]) => String(k)).sort());

describe('downloads saved by the release before', () => {
  it('are read as they were: the finished file plays from its server only, and is not fetched again', async () => {
    await writeTodaysDownloads();
    const { store, keyOnDevice, db } = await startNewBuild();
    const state = store.getState();
    expect(state.quality).toBe('320');
    expect(state.keepUpdated).toBe(false);
    expect(state.order).toEqual([`${FINISHED}@original`, `${PARTIAL}@original`]);
    expect(state.jobs[`${FINISHED}@original`]).toMatchObject({
      v: 3,
      validator: null,
      status: 'done',
    });
    expect(state.sets[`playlist:${SERVER}:77`]?.keys).toEqual([
      `${FINISHED}@original`,
      `${PARTIAL}@original`,
    ]);
    // The copy belongs to the server it came from; another server's part 5004 is another song.
    const song = track(FINISHED, SIZE);
    expect(keyOnDevice(state.onDevice, song, SERVER)).toBe(`${FINISHED}@original`);
    expect(keyOnDevice(state.onDevice, song, 'another-server')).toBeNull();
    const file = await db.readFile(`${FINISHED}@original`);
    expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(bytes(SIZE, 4));
    // Asked for again from the same server: the same job, no new download.
    store.setState({ quality: 'original' });
    store
      .getState()
      .enqueue({ id: 'track:x', kind: 'track', title: 'S', serverId: SERVER }, [song]);
    expect(Object.keys(store.getState().jobs)).toHaveLength(2);
    // From another server: a job of its own, keyed by that server.
    store
      .getState()
      .enqueue({ id: 'track:y', kind: 'track', title: 'S', serverId: 'other' }, [song]);
    expect(store.getState().jobs[`other:${FINISHED}@original`]).toMatchObject({ status: 'queued' });
    // Its records land now, not into the next test's databases.
    await (await import('./outbox')).settleWrites();
  });

  it('finish the interrupted download from its saved chunks and clear away what is broken', async () => {
    await writeTodaysDownloads();
    const { tabs, store, db } = await startNewBuild();
    // What couldn't be read is counted, for the Downloads screen to say (unreadable-note.tsx).
    expect(store.getState().unreadable).toBeGreaterThan(0);
    const asked: Array<[string, string | null]> = [];
    const stop = tabs.startDownloads({
      sourceFor: (job) => ({
        url: `http://pms.test${job.track.media?.partKey}`,
        transcoded: false,
      }),
      corsRefused: async () => false,
      isOnline: () => true,
      whenOnline: () => () => undefined,
      fetchImpl: async (input, init) => {
        const range = new Headers(init?.headers).get('Range');
        asked.push([String(input), range]);
        return new Response(bytes(1000, 5), {
          status: 206,
          headers: { 'Content-Range': `bytes 2000-2999/${SIZE}`, 'Content-Length': '1000' },
        });
      },
    });
    try {
      for (
        let i = 0;
        i < 500 && store.getState().jobs[`${PARTIAL}@original`]?.status !== 'done';
        i += 1
      )
        await new Promise((r) => setTimeout(r, 10));
      expect(asked).toEqual([
        [`http://pms.test/library/parts/${PARTIAL}/1732000000/file.mp3`, 'bytes=2000-'],
      ]);
      const file = await db.readFile(`${PARTIAL}@original`);
      expect(new Uint8Array(await (file as Blob).arrayBuffer())).toEqual(bytes(SIZE, 5));
    } finally {
      await stop();
    }
    // Broken records go with their files; a newer build's record is left for it.
    expect(await keysOf(legacy.jobs())).toEqual([
      `${FINISHED}@original`,
      `${PARTIAL}@original`,
      'later:1@original',
    ]);
    expect(await keysOf(legacy.files())).toEqual([`${FINISHED}@original`, `${PARTIAL}@original`]);
    // Written back in this build's shape once it changed.
    expect(await get(`${PARTIAL}@original`, legacy.jobs())).toMatchObject({ v: 3, status: 'done' });
  });
});
