// @vitest-environment node
// Node's Blob (jsdom's has no arrayBuffer() and doesn't survive fake-indexeddb's clone).
import type * as IdbKeyval from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storageName } from '../../lib/storage-names';

/** The browser's IndexedDB as Safari's private windows have it: every write of a Blob aborts. */
const refuseBlobs = { on: false, refuseBytes: false };
vi.mock('idb-keyval', async (importOriginal) => {
  const real = await importOriginal<typeof IdbKeyval>();
  return {
    ...real,
    set: (key: IDBValidKey, value: unknown, store?: Parameters<typeof real.set>[2]) => {
      if (refuseBlobs.on && value instanceof Blob) return Promise.reject(null);
      if (refuseBlobs.refuseBytes && !(value instanceof Blob)) return Promise.reject(null);
      return real.set(key, value, store);
    },
  };
});

const audio = () => new Blob([new Uint8Array([1, 2, 3, 4, 5])], { type: 'audio/mpeg' });

describe('download files in IndexedDB', () => {
  beforeEach(() => {
    vi.resetModules();
    refuseBlobs.on = false;
    refuseBlobs.refuseBytes = false;
  });

  it('keeps a file as bytes where the browser refuses Blobs, and reads it back as the same audio', async () => {
    refuseBlobs.on = true;
    const db = await import('./download-db');
    await db.writeFile('a@original', audio());
    await db.writeChunk('b@original', 0, audio());
    const file = await db.readFile('a@original');
    expect(file?.type).toBe('audio/mpeg');
    expect([...new Uint8Array(await (file as Blob).arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
    const chunks = await db.readChunks('b@original', 1);
    expect(chunks?.[0]?.size).toBe(5);
  });

  it('keeps Blobs as Blobs where the browser stores them', async () => {
    const db = await import('./download-db');
    await db.writeFile('c@original', audio());
    const { get, createStore } = await import('idb-keyval');
    const raw = await get('c@original', createStore(storageName('download-files'), 'files'));
    expect(raw).toBeInstanceOf(Blob);
  });

  it('says the browser refused to store it when neither form is kept, not that the network failed', async () => {
    refuseBlobs.on = true;
    refuseBlobs.refuseBytes = true;
    const db = await import('./download-db');
    await expect(db.writeFile('d@original', audio())).rejects.toBeInstanceOf(db.StorageRefused);
  });
});
