import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { StateStorage } from 'zustand/middleware';

/**
 * All of PlexM8's IndexedDB data lives in its own database: every project page of a GitHub user
 * shares one origin, and idb-keyval's default `keyval-store` would collide with other apps.
 */
let store: UseStore | null = null;

export function appStore(): UseStore {
  store ??= createStore('plexm8', 'kv');
  return store;
}

export const idbGet = <T>(key: string) => get<T>(key, appStore());
export const idbSet = (key: string, value: unknown) => set(key, value, appStore());
export const idbDel = (key: string) => del(key, appStore());

/** zustand `persist` storage backed by the app's IndexedDB store. */
export const idbStateStorage: StateStorage = {
  getItem: async (name) => (await idbGet<string>(name)) ?? null,
  setItem: (name, value) => idbSet(name, value),
  removeItem: (name) => idbDel(name),
};
