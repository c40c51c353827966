import { infiniteQueryOptions, QueryClient } from '@tanstack/react-query';
import { createStore, get, keys, set, setMany } from 'idb-keyval';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { INDEX_KEY } from './query-cache-bound';
import { clearPersistedQueries, persistQueries, persistWholeListsOnly } from './query-persister';
import { storageName } from './storage-names';
import { MARKER_PREFIX, queriesSaved } from '../testing/queries-saved';

const client = () =>
  new QueryClient({ defaultOptions: { queries: { persister: persistQueries, retry: false } } });
const cache = () => createStore(storageName('query-cache'), 'queries');
/** The saved queries (not the bound's bookkeeping beside them). */
const storedKeys = async () =>
  (await keys<string>(cache())).filter((k) => k !== INDEX_KEY && !k.startsWith(MARKER_PREFIX));
const settle = queriesSaved;

beforeEach(async () => {
  await clearPersistedQueries();
});

describe('query persistence', () => {
  it('saves a fetched query and restores it in a fresh client without calling the server', async () => {
    await client().fetchQuery({
      queryKey: ['pms', 1, 'srv', 'playlists'],
      queryFn: () => ['Road Trip'],
    });
    await vi.waitFor(async () =>
      expect(await storedKeys()).toEqual(['tanstack-query-["pms",1,"srv","playlists"]']),
    );
    let called = false;
    const restored = await client().fetchQuery({
      queryKey: ['pms', 1, 'srv', 'playlists'],
      queryFn: () => {
        called = true;
        return ['from server'];
      },
      staleTime: Infinity,
    });
    expect(restored).toEqual(['Road Trip']);
    expect(called).toBe(false);
  });

  it('never saves queries that opt out (they hold tokens)', async () => {
    await client().fetchQuery({
      queryKey: ['plex-tv', 1, 'resources'],
      queryFn: () => ['secret'],
      meta: { persist: false },
    });
    await settle();
    expect(await storedKeys()).toEqual([]);
  });

  it('drops a write that was queued before a sign-out wipe', async () => {
    const fetched = client().fetchQuery({
      queryKey: ['pms', 1, 'srv', 'x'],
      queryFn: () => 'data',
    });
    await fetched;
    await clearPersistedQueries();
    await settle();
    expect(await storedKeys()).toEqual([]);
  });

  it('saves a paged list only once it is whole', async () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    type Page = { items: number[]; complete: boolean; next: number };
    const pages: Page[] = [
      { items: [1], complete: false, next: 1 },
      { items: [2], complete: true, next: 2 },
    ];
    const queryKey = ['pms', 1, 'srv', 'list'];
    const options = infiniteQueryOptions({
      queryKey,
      queryFn: ({ pageParam }): Page => pages[pageParam] ?? { items: [], complete: true, next: 0 },
      initialPageParam: 0,
      getNextPageParam: (last: Page) => (last.complete ? undefined : last.next),
      persister: persistWholeListsOnly<Page, typeof queryKey, number>,
    });
    await qc.fetchInfiniteQuery(options);
    await settle();
    expect(await storedKeys()).toEqual([]);
    await qc.fetchInfiniteQuery({ ...options, pages: 2 });
    // Written a tick later, off the fetch: waited for, not timed (a busy machine is slower).
    await vi.waitFor(async () =>
      expect(await storedKeys()).toEqual(['tanstack-query-["pms",1,"srv","list"]']),
    );
  });

  it('keeps the saved library across app versions, and drops it when its shape changed', async () => {
    const queryKey = ['pms', 1, 'srv', 'albums'];
    await client().fetchQuery({ queryKey, queryFn: () => ['Kind of Blue'] });
    const key = 'tanstack-query-["pms",1,"srv","albums"]';
    await vi.waitFor(async () => expect(await storedKeys()).toContain(key));
    const saved = await get<{ buster: string }>(key, cache());
    // Not the app's version: a release that maps Plex the same way keeps the offline library.
    expect(saved?.buster).toBe(__QUERY_SCHEMA__);
    expect(saved?.buster).not.toBe(__APP_VERSION__);
    const fromServer = () =>
      client().fetchQuery({ queryKey, queryFn: () => ['fresh'], staleTime: Infinity });
    expect(await fromServer()).toEqual(['Kind of Blue']);
    // Written by a build whose data had another shape: not read as this one's.
    await set(key, { ...saved, buster: 'older-shape' }, cache());
    expect(await fromServer()).toEqual(['fresh']);
  });
});

describe('the index of saved queries', () => {
  it('knows every saved query however many there are', async () => {
    const store = createStore(storageName('query-cache'), 'queries');
    const qc = client();
    await qc.fetchQuery({ queryKey: ['pms', 1, 'srv', 'z-last'], queryFn: () => 'first' });
    await settle();
    const saved = await get<Record<string, unknown>>(
      'tanstack-query-["pms",1,"srv","z-last"]',
      store,
    );
    // More than one read's worth of keys, all sorting before the one to restore.
    await setMany(
      Array.from({ length: 2_100 }, (_, i) => [`tanstack-query-["pms",1,"srv","a${i}"]`, i]),
      store,
    );
    vi.resetModules();
    const fresh = await import('./query-persister');
    let called = false;
    const restored = await new QueryClient({
      defaultOptions: { queries: { persister: fresh.persistQueries, retry: false } },
    }).fetchQuery({
      queryKey: ['pms', 1, 'srv', 'z-last'],
      queryFn: () => {
        called = true;
        return 'from server';
      },
      staleTime: Infinity,
    });
    expect(saved).toBeTruthy();
    expect(restored).toBe('first');
    expect(called).toBe(false);
  }, 20_000);
});

describe('the first screen at the next start', () => {
  /** A start of the app: the module fresh, as after a reload. */
  const freshStart = async () => {
    vi.resetModules();
    return import('./query-persister');
  };
  const playlists = ['pms', 1, 'srv', 'playlists'];

  it('is read at boot and in the cache before the first render; a sign-out forgets which it was', async () => {
    // Each "start" is early in its page's life: only a start's own reads, in its first seconds,
    // are remembered (first-reads.ts), and this worker's clock may be well past that under load.
    vi.spyOn(performance, 'now').mockReturnValue(1_000);
    await client().fetchQuery({ queryKey: playlists, queryFn: () => ['Road Trip'] });
    await vi.waitFor(async () => expect(await storedKeys()).toHaveLength(1));
    // A start that opened the playlists: it read them from disk first.
    const second = await freshStart();
    const asked = new QueryClient({
      defaultOptions: { queries: { persister: second.persistQueries, retry: false } },
    });
    await asked.fetchQuery({
      queryKey: playlists,
      queryFn: () => ['from server'],
      staleTime: Infinity,
    });

    // The next start has them before any screen asks.
    const third = await freshStart();
    // It tells boot the last start was signed in: the signed-in code can come before the session.
    expect(third.warmQueryPersister()).toBe(true);
    const booting = new QueryClient();
    expect(await third.restoreFirstReads(booting)).toBe(1);
    expect(booting.getQueryData(playlists)).toEqual(['Road Trip']);

    await third.clearPersistedQueries();
    const afterSignOut = await freshStart();
    expect(afterSignOut.warmQueryPersister()).toBe(false);
    const next = new QueryClient();
    expect(await afterSignOut.restoreFirstReads(next)).toBe(0);
    expect(next.getQueryData(playlists)).toBeUndefined();
  });
});
