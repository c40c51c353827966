import { createStore, del, get, set, type UseStore } from 'idb-keyval';
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
