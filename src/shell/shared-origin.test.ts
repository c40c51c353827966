import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetStorageNamesForTests, settleStorageNames } from '../lib/storage-names';
import {
  dismissSharedOriginNotice,
  isOwnDatabase,
  readOriginFacts,
  sharedOriginNoticeDismissed,
  sharedOriginSigns,
  type OriginFacts,
} from './shared-origin';

/** A database some app on the origin made (closed again, so the next test can delete it). */
const makeDatabase = (name: string) =>
  new Promise<void>((done) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      request.result.close();
      done();
    };
  });

const alone: OriginFacts = {
  hostname: 'music.example.com',
  basePath: '/',
  otherDatabases: [],
  otherWorkerScopes: [],
};

describe('whether PlexM8 shares its origin', () => {
  it('finds nothing on an origin of its own (a custom domain, a user page)', () => {
    expect(sharedOriginSigns(alone)).toEqual([]);
    expect(sharedOriginSigns({ ...alone, hostname: 'jo.github.io' })).toEqual([]);
    expect(sharedOriginSigns({ ...alone, basePath: '/plexm8/' })).toEqual([]);
  });

  it('calls a github.io project page shared, whatever it can see', () => {
    for (const hostname of ['jo.github.io', 'Jo.GitHub.io', 'jo.github.io.'])
      expect(sharedOriginSigns({ ...alone, hostname, basePath: '/plexm8/' })).toEqual([
        'project-page',
      ]);
    // Only github.io itself: a look-alike domain is somebody's own origin.
    expect(
      sharedOriginSigns({ ...alone, hostname: 'jo.github.io.evil.com', basePath: '/x/' }),
    ).toEqual([]);
  });

  it("calls any origin shared where another app's data or service worker shows", () => {
    expect(sharedOriginSigns({ ...alone, otherDatabases: ['keyval-store'] })).toEqual([
      'other-apps',
    ]);
    expect(
      sharedOriginSigns({ ...alone, otherWorkerScopes: ['https://music.example.com/blog/'] }),
    ).toEqual(['other-apps']);
    expect(
      sharedOriginSigns({
        hostname: 'jo.github.io',
        basePath: '/plexm8/',
        otherDatabases: ['plexm8@/plexm8-staging/'],
        otherWorkerScopes: [],
      }),
    ).toEqual(['project-page', 'other-apps']);
  });

  it("tells this build's databases from another PlexM8 build's", () => {
    expect(isOwnDatabase('plexm8@/plexm8/', 'plexm8@/plexm8/')).toBe(true);
    expect(isOwnDatabase('plexm8@/plexm8/-download-files', 'plexm8@/plexm8/')).toBe(true);
    expect(isOwnDatabase('plexm8@/plexm8-staging/', 'plexm8@/plexm8/')).toBe(false);
    // The build that claimed the older bare names owns those, and no other build's.
    expect(isOwnDatabase('plexm8-query-cache', 'plexm8')).toBe(true);
    expect(isOwnDatabase('plexm8@/plexm8/', 'plexm8')).toBe(false);
    expect(isOwnDatabase('plexm8', 'plexm8@/plexm8/')).toBe(false);
  });
});

describe('what the browser shows of the origin', () => {
  beforeEach(async () => {
    localStorage.clear();
    for (const { name } of await indexedDB.databases())
      if (name) await new Promise((done) => (indexedDB.deleteDatabase(name).onsuccess = done));
    vi.stubEnv('BASE_URL', '/plexm8/');
    forgetStorageNamesForTests();
    await settleStorageNames();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it("lists other apps' databases and service workers, not PlexM8's own", async () => {
    for (const name of [
      'plexm8@/plexm8/',
      'plexm8@/plexm8/-download-files',
      'plexm8@/plexm8-staging/',
      'blog-drafts',
    ])
      await makeDatabase(name);
    const origin = window.location.origin;
    vi.stubGlobal('navigator', {
      ...navigator,
      serviceWorker: {
        getRegistrations: async () => [
          { scope: `${origin}/plexm8/` },
          { scope: `${origin}/blog/` },
        ],
      },
    });
    const facts = await readOriginFacts();
    expect(facts.basePath).toBe('/plexm8/');
    expect(facts.otherDatabases.sort()).toEqual(['blog-drafts', 'plexm8@/plexm8-staging/']);
    expect(facts.otherWorkerScopes).toEqual([`${origin}/blog/`]);
  });

  it('sees nothing where the browser shows nothing', async () => {
    const facts = await readOriginFacts();
    expect(facts.otherDatabases).toEqual([]);
    expect(facts.otherWorkerScopes).toEqual([]);
    expect(sharedOriginSigns(facts)).toEqual([]);
  });

  it('remembers "Got it" for this build only', () => {
    expect(sharedOriginNoticeDismissed()).toBe(false);
    dismissSharedOriginNotice();
    expect(sharedOriginNoticeDismissed()).toBe(true);
    vi.stubEnv('BASE_URL', '/plexm8-staging/');
    forgetStorageNamesForTests();
    expect(sharedOriginNoticeDismissed()).toBe(false);
  });
});
