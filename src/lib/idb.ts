import { createStore, del, get, keys, promisifyRequest, set, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import type { PersistStorage, StateStorage, StorageValue } from 'zustand/middleware';
import { storageName } from './storage-names';
import { writesAllowed } from './write-gate';

/**
 * All of PlexM8's IndexedDB data lives in its own database: every project page of a GitHub user
 * shares one origin, and idb-keyval's default `keyval-store` would collide with other apps.
 */
let store: UseStore | null = null;

export function appStore(): UseStore {
  store ??= createStore(storageName(), 'kv');
  return store;
}

export const idbGet = <T>(key: string) => get<T>(key, appStore());

/**
 * A stored value read through its schema (decision 013): one written by a newer build, or
 * broken, reads as absent, so the caller starts fresh instead of acting on garbage.
 */
export async function idbRead<T>(key: string, schema: v.GenericSchema<unknown, T>) {
  const parsed = v.safeParse(schema, await idbGet<unknown>(key));
  return parsed.success ? parsed.output : undefined;
}
// Writes stop once another tab has signed out (write-gate.ts).
export const idbSet = async (key: string, value: unknown) => {
  if (writesAllowed()) await set(key, value, appStore());
};
export const idbDel = async (key: string) => {
  if (writesAllowed()) await del(key, appStore());
};
/**
 * Reads `first`, then the keys `next` names from what it read, in one transaction: a snapshot
 * that no write lands in the middle of (a record and the records it names).
 */
export function idbReadLinked(
  first: readonly string[],
  next: (values: unknown[]) => readonly string[],
): Promise<{ first: unknown[]; next: unknown[] }> {
  return appStore()(
    'readonly',
    (store) =>
      new Promise((resolve, reject) => {
        const firstValues: unknown[] = [];
        let nextValues: unknown[] = [];
        let left = first.length;
        first.forEach((key, i) => {
          const request = store.get(key);
          request.onsuccess = () => {
            firstValues[i] = request.result;
            left -= 1;
            if (left > 0) return;
            const keys = next(firstValues);
            nextValues = keys.map(() => undefined);
            keys.forEach((k, j) => {
              const more = store.get(k);
              more.onsuccess = () => (nextValues[j] = more.result);
            });
          };
        });
        store.transaction.oncomplete = () => resolve({ first: firstValues, next: nextValues });
        store.transaction.onerror = () => reject(store.transaction.error);
        store.transaction.onabort = () => reject(store.transaction.error);
      }),
  );
}
/** Deletes `keys` and every key that starts with `prefix`, in one transaction. */
export async function idbDeleteWithPrefix(keys: readonly string[], prefix: string): Promise<void> {
  if (!writesAllowed()) return;
  await appStore()('readwrite', (store) => {
    for (const key of keys) store.delete(key);
    const all = store.getAllKeys();
    all.onsuccess = () => {
      for (const key of all.result)
        if (typeof key === 'string' && key.startsWith(prefix)) store.delete(key);
    };
    return promisifyRequest(store.transaction);
  });
}
/** The store's keys that start with `prefix`. */
export const idbKeysStartingWith = async (prefix: string) =>
  (await keys(appStore())).filter(
    (key): key is string => typeof key === 'string' && key.startsWith(prefix),
  );
/**
 * Puts and deletes in one transaction: all of them land, or none (a record and the records it
 * names). The values are cloned in the task that calls this, as for any put.
 */
export async function idbWrite(
  puts: ReadonlyArray<readonly [string, unknown]>,
  deletes: readonly string[] = [],
): Promise<void> {
  if (!writesAllowed() || (puts.length === 0 && deletes.length === 0)) return;
  await appStore()('readwrite', (store) => {
    for (const [key, value] of puts) store.put(value, key);
    for (const key of deletes) store.delete(key);
    return promisifyRequest(store.transaction);
  });
}

/** zustand `persist` storage backed by the app's IndexedDB store. */
export const idbStateStorage: StateStorage = {
  getItem: async (name) => (await idbGet<string>(name)) ?? null,
  setItem: (name, value) => idbSet(name, value),
  removeItem: (name) => idbDel(name),
};

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.is(a[k as keyof typeof a], b[k as keyof typeof b]))
  );
}

/**
 * zustand `persist` storage that stores the state object itself (structured clone, no JSON
 * string) and skips a write when the persisted fields did not change: zustand calls setItem on
 * every set, and a store whose status flips often (the player) would otherwise re-serialise its
 * whole queue each time.
 */
export function idbObjectStorage<S extends object>({
  deferWrites = false,
}: {
  /**
   * Write after the current task, once for all the changes made in it: the tap that starts a
   * track changes the player several times, and each write structured-clones the queue inside
   * the task that should be starting the audio. Not for secrets: a write still pending when the
   * page goes away is lost (pagehide flushes what it can).
   */
  deferWrites?: boolean;
} = {}): PersistStorage<S> {
  const last = new Map<string, StorageValue<S>>();
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const writes = [...pending].map(([name, value]) => idbSet(name, value));
    pending.clear();
    return Promise.all(writes).then(() => undefined);
  };
  if (deferWrites && typeof window !== 'undefined') window.addEventListener('pagehide', flush);
  return {
    getItem: async (name) => {
      const stored = await idbGet<StorageValue<S> | string>(name);
      if (stored === undefined) return null;
      return typeof stored === 'string' ? (JSON.parse(stored) as StorageValue<S>) : stored;
    },
    setItem: (name, value) => {
      const previous = last.get(name);
      if (
        previous &&
        previous.version === value.version &&
        shallowEqual(previous.state, value.state)
      )
        return;
      last.set(name, value);
      if (!deferWrites) return idbSet(name, value);
      pending.set(name, value);
      timer ??= setTimeout(() => void flush(), 0);
    },
    removeItem: (name) => {
      last.delete(name);
      pending.delete(name);
      return idbDel(name);
    },
  };
}
