// @vitest-environment node
// Node's Blob (jsdom's has no arrayBuffer() and doesn't survive fake-indexeddb's clone).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storageName } from '../../lib/storage-names';
import type * as Relaxed from './relaxed-store';

/**
 * The browser's IndexedDB as Safari's private windows have it: a transaction that puts a Blob
 * aborts, with no error to say why.
 */
const refuseBlobs = { on: false, refuseBytes: false };
vi.mock('./relaxed-store', async (importOriginal) => {
  const real = await importOriginal<typeof Relaxed>();
  const refused = (value: unknown) =>
    value instanceof Blob ? refuseBlobs.on : refuseBlobs.refuseBytes;
  return {
    relaxedStore: (dbName: string, storeName: string): ReturnType<typeof real.relaxedStore> => {
      const inner = real.relaxedStore(dbName, storeName);
      return (mode, callback) =>
        inner(mode, (store) => {
          let aborted = false;
          const safari = new Proxy(store, {
            get(target, prop) {
              if (prop === 'put')
                return (value: unknown, key: IDBValidKey) => {
                  if (aborted) return undefined;
                  if (!refused(value)) return target.put(value, key);
                  aborted = true;
                  target.transaction.abort();
                  return undefined;
                };
              if (prop === 'delete')
                return (key: IDBValidKey | IDBKeyRange) =>
                  aborted ? undefined : target.delete(key);
              const value: unknown = Reflect.get(target, prop, target);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          });
          return callback(safari);
        });
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
