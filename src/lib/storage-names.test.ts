import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetStorageNamesForTests,
  ownDatabaseNames,
  settleStorageNames,
  storageName,
} from './storage-names';

async function deleteAllDatabases() {
  for (const { name } of await indexedDB.databases())
    if (name) await new Promise((done) => (indexedDB.deleteDatabase(name).onsuccess = done));
}

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
    await deleteAllDatabases();
  });
  afterEach(() => vi.unstubAllEnvs());

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
});
