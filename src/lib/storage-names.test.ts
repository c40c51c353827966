import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetStorageNamesForTests,
  ownDatabaseNames,
  settleStorageNames,
  storageName,
} from './storage-names';

/** An origin with no databases at all (a fresh factory: open connections can't block it). */
const freshOrigin = () => vi.stubGlobal('indexedDB', new IDBFactory());

/** A build under `base` starting on this origin for the first time. */
async function startBuild(base: string) {
  vi.stubEnv('BASE_URL', base);
  forgetStorageNamesForTests();
  await settleStorageNames();
  return storageName('download-files');
}

describe('storage names', () => {
  beforeEach(async () => {
    localStorage.clear();
    freshOrigin();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('gives two builds on a fresh origin databases, channels and keys of their own', async () => {
    const main = await startBuild('/plexm8/');
    const staging = await startBuild('/plexm8-staging/');
    expect(main).toBe('plexm8@/plexm8/-download-files');
    expect(staging).toBe('plexm8@/plexm8-staging/-download-files');
    expect(ownDatabaseNames()).toEqual([
      'plexm8@/plexm8-staging/',
      'plexm8@/plexm8-staging/-query-cache',
      'plexm8@/plexm8-staging/-download-files',
      'plexm8@/plexm8-staging/-download-jobs',
      'plexm8@/plexm8-staging/-download-sets',
    ]);
  });

  it("lets the first build that finds an older version's databases keep them, and only that one", async () => {
    await set('session', 'sealed session', createStore('plexm8', 'kv'));
    expect(await startBuild('/plexm8/')).toBe('plexm8-download-files');
    expect(storageName()).toBe('plexm8');
    expect(await get('session', createStore(storageName(), 'kv'))).toBe('sealed session');
    // A staging build opened later on the same origin starts empty, under its own names.
    expect(await startBuild('/staging/')).toBe('plexm8@/staging/-download-files');
    // The first build keeps its claim across starts, even with localStorage cleared.
    localStorage.clear();
    expect(await startBuild('/plexm8/')).toBe('plexm8-download-files');
  });

  it('gives older data to the build at the path an older version ran at, whoever starts first', async () => {
    await set('session', 'production session', createStore('plexm8', 'kv'));
    // The older version's worker precached its shell under its scope: production's path.
    const scope = `${window.location.origin}/plexm8/`;
    vi.stubGlobal('caches', { keys: async () => [`plexm8-precache-v2-${scope}`] });
    // The staging build updates first: it must not take production's sign-in and downloads.
    expect(await startBuild('/plexm8-staging/')).toBe('plexm8@/plexm8-staging/-download-files');
    expect(await startBuild('/plexm8/')).toBe('plexm8-download-files');
    expect(await get('session', createStore(storageName(), 'kv'))).toBe('production session');
  });

  it('fails loudly if anything opened storage before the names were settled', async () => {
    await set('session', 'sealed session', createStore('plexm8', 'kv'));
    vi.stubEnv('BASE_URL', '/plexm8/');
    forgetStorageNamesForTests();
    expect(storageName()).toBe('plexm8@/plexm8/');
    await expect(settleStorageNames()).rejects.toThrow(/before deciding where it lives/);
  });
});
