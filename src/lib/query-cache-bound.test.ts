import { QueryClient } from '@tanstack/react-query';
import { createStore, get, keys } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { boundedStorage, INDEX_KEY, itemsIn } from './query-cache-bound';
import { clearPersistedQueries, persistQueries, QUERY_CACHE_BOUND } from './query-persister';
import { storageName } from './storage-names';

let n = 0;
/** A store of its own per test: fake-indexeddb keeps databases for the whole file. */
const freshStore = () => {
  const store = createStore(`bound-test-${(n += 1)}`, 'queries');
  return () => store;
};
const query = (data: unknown) => ({ state: { data } });
const queryKeys = async (store: ReturnType<typeof freshStore>) =>
  (await keys<string>(store())).filter((k) => k !== INDEX_KEY).sort();

describe('the saved query cache stays bounded', () => {
  it('keeps the newest writes when there are more queries than allowed', async () => {
    const store = freshStore();
    let clock = 0;
    const dropped: string[] = [];
    const storage = boundedStorage(
      store,
      { maxEntries: 3, maxItems: 1_000, maxAgeMs: 1e9 },
      (k) => dropped.push(...k),
      () => (clock += 1),
    );
    for (const key of ['a', 'b', 'c', 'd', 'e']) await storage.setItem(key, query([1]));
    expect(await queryKeys(store)).toEqual(['c', 'd', 'e']);
    expect(dropped).toEqual(['a', 'b']);
  });

  it('counts list items: a new long list pushes the oldest lists out', async () => {
    const store = freshStore();
    let clock = 0;
    const storage = boundedStorage(
      store,
      { maxEntries: 100, maxItems: 10, maxAgeMs: 1e9 },
      () => undefined,
      () => (clock += 1),
    );
    await storage.setItem('albums', query({ items: [1, 2, 3, 4], total: 4 }));
    await storage.setItem('playlist', query({ pages: [{ items: [1, 2, 3] }, { items: [4] }] }));
    expect(await queryKeys(store)).toEqual(['albums', 'playlist']);
    await storage.setItem('tracks', query([1, 2, 3, 4, 5]));
    expect(await queryKeys(store)).toEqual(['playlist', 'tracks']);
    // One list longer than the whole allowance is not saved at all.
    await storage.setItem('huge', query(Array.from({ length: 11 }, (_, i) => i)));
    expect(await queryKeys(store)).toEqual(['playlist', 'tracks']);
  });

  it('drops what is past its age at the next write, and rewrites refresh a query', async () => {
    const store = freshStore();
    let clock = 0;
    const storage = boundedStorage(
      store,
      { maxEntries: 100, maxItems: 100, maxAgeMs: 10 },
      () => undefined,
      () => clock,
    );
    await storage.setItem('old', query([1]));
    await storage.setItem('kept', query([1]));
    clock = 8;
    await storage.setItem('kept', query([2]));
    clock = 15;
    await storage.setItem('new', query([1]));
    expect(await queryKeys(store)).toEqual(['kept', 'new']);
    expect(await get(INDEX_KEY, store())).toEqual(
      new Map([
        ['kept', { at: 8, items: 1 }],
        ['new', { at: 15, items: 1 }],
      ]),
    );
  });

  it('knows what a stored list holds', () => {
    expect(itemsIn([1, 2])).toBe(2);
    expect(itemsIn({ pages: [{ items: [1] }, { items: [2, 3] }] })).toBe(3);
    expect(itemsIn({ items: [1, 2, 3], total: 150_000 })).toBe(3);
    expect(itemsIn({ title: 'Road Trip' })).toBe(1);
  });

  it("the app's cache never saves a list past its allowance", async () => {
    await clearPersistedQueries();
    const client = new QueryClient({
      defaultOptions: { queries: { persister: persistQueries, retry: false } },
    });
    const tooMany = Array.from({ length: QUERY_CACHE_BOUND.maxItems + 1 }, (_, i) => i);
    await client.fetchQuery({ queryKey: ['pms', 1, 'srv', 'huge'], queryFn: () => tooMany });
    await client.fetchQuery({ queryKey: ['pms', 1, 'srv', 'small'], queryFn: () => [1] });
    // Saved in the order fetched: once the small list is there, the huge one had its turn.
    const store = createStore(storageName('query-cache'), 'queries');
    await vi.waitFor(async () =>
      expect((await keys<string>(store)).filter((k) => k !== INDEX_KEY)).toEqual([
        'tanstack-query-["pms",1,"srv","small"]',
      ]),
    );
  });
});
