import {
  experimental_createQueryPersister,
  PERSISTER_KEY_PREFIX,
  type PersistedQuery,
} from '@tanstack/query-persist-client-core';
import {
  hashKey,
  hydrate,
  type Query,
  type QueryClient,
  type QueryFunction,
  type QueryFunctionContext,
  type QueryKey,
} from '@tanstack/react-query';
import type { SavedQueriesAt } from './saved-queries';
import { clear, createStore, entries, get, promisifyRequest, type UseStore } from 'idb-keyval';
import { boundedStorage, type CacheBound } from './query-cache-bound';
import { storageName } from './storage-names';
import { writesAllowed } from './write-gate';
import { writeLongListsOffPage } from './query-write';
import { createFirstReads } from './first-reads';

/**
 * Each query is persisted on its own in IndexedDB (not one big JSON blob): a 20,000-track
 * playlist is written without stringifying the whole cache, and restored only when opened.
 * Values are stored by structured clone. Keys are query hashes: user and server ids, never a
 * token or URL (docs/decisions/004).
 */
export const QUERY_CACHE_MAX_AGE = 7 * 24 * 60 * 60_000;

let store: UseStore | null = null;
const cacheStore = () => (store ??= createStore(storageName('query-cache'), 'queries'));

/**
 * What stays on the device (decision 023): a saved query a week at most, 2,000 of them and
 * 100,000 list items in all, the oldest writes leaving first.
 */
export const QUERY_CACHE_BOUND: CacheBound = {
  maxEntries: 2_000,
  maxItems: 100_000,
  maxAgeMs: QUERY_CACHE_MAX_AGE,
};

const bounded = boundedStorage<PersistedQuery>(
  cacheStore,
  QUERY_CACHE_BOUND,
  (dropped) => {
    void saved().then((known) => dropped.forEach((key) => known.delete(key)));
  },
  Date.now,
  // A whole 20,000-track playlist cloned at once was one long task (decision 025). The name
  // is asked for at the write, never at import: storage names are settled first (storage-names).
  writeLongListsOffPage(() => storageName('query-cache'), 'queries'),
);

/** The first screen's saved list, read at boot on the next start (first-reads.ts). */
const firstReads = createFirstReads((key) => get<PersistedQuery>(key, cacheStore()));

export const queryPersister = experimental_createQueryPersister<PersistedQuery>({
  storage: {
    getItem: (key) => firstReads.read(key),
    setItem: async (key, value) => {
      firstReads.changed(key);
      if (writesAllowed()) await bounded.setItem(key, value);
    },
    removeItem: (key) => {
      firstReads.changed(key);
      return bounded.removeItem(key);
    },
    entries: () => entries<string, PersistedQuery>(cacheStore()),
  },
  maxAge: QUERY_CACHE_MAX_AGE,
  // The shape of the data, not the app's version: an update keeps the offline library.
  buster: __QUERY_SCHEMA__,
  serialize: (query) => query,
  deserialize: (stored) => stored,
});

const storageKey = (hash: string) => `${PERSISTER_KEY_PREFIX}-${hash}`;

/**
 * Where the saved queries whose keys start with `prefix` are: storage keys are the query's hash,
 * JSON of its key, so `["pms","u1","s1",…` are one range of strings.
 */
export function savedQueriesUnder(prefix: QueryKey): SavedQueriesAt {
  const from = storageKey(`${hashKey(prefix).slice(0, -1)},`);
  return {
    db: storageName('query-cache'),
    from,
    to: `${from}\uffff`,
    buster: __QUERY_SCHEMA__,
    maxAge: QUERY_CACHE_MAX_AGE,
  };
}

/**
 * Which queries are on disk, read once: a query that was never saved goes straight to the
 * network instead of waiting on an IndexedDB read first, on every first open (decision 004).
 */
let savedKeys: Promise<Set<string>> | null = null;
function saved(): Promise<Set<string>> {
  savedKeys ??= readKeys().catch(() => new Set<string>());
  return savedKeys;
}

/**
 * A few thousand keys a request: with the Collector's library opened album by album (30,000
 * saved queries) one request's keys made a long task at start-up (docs/decisions/020).
 */
const KEYS_AT_ONCE = 2_000;
async function readKeys(): Promise<Set<string>> {
  const found = new Set<string>();
  let after: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const batch: IDBValidKey[] = await cacheStore()('readonly', (s) =>
      promisifyRequest(s.getAllKeys(range, KEYS_AT_ONCE)),
    );
    for (const key of batch) found.add(String(key));
    if (batch.length < KEYS_AT_ONCE) return found;
    after = batch[batch.length - 1] ?? null;
  }
}

/**
 * Writes are deferred a tick after each fetch. A sign-out wipe must not be followed by a write
 * that was already on its way: a wipe bumps the generation (queued writes then drop) and waits
 * for writes in flight before clearing.
 */
let generation = 0;
const inFlight = new Set<Promise<unknown>>();

function write(query: Query): void {
  const scheduledIn = generation;
  setTimeout(() => {
    if (scheduledIn !== generation) return;
    const done = queryPersister
      .persistQuery(query)
      .then(async () => (await saved()).add(storageKey(query.queryHash)))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  }, 0);
}

/**
 * A query changed in place (a rating written into the tracks it holds): its saved copy, if it has
 * one, is written again, so a reload doesn't bring back the old value. Nothing new is saved.
 */
export function resaveQuery(query: Query): void {
  if (query.meta?.persist === false) return;
  void saved().then((known) => {
    if (known.has(storageKey(query.queryHash))) write(query);
  });
}

export async function clearPersistedQueries(): Promise<void> {
  generation += 1;
  firstReads.forget();
  await Promise.allSettled([...inFlight]);
  (await saved()).clear();
  await clear(cacheStore());
  bounded.forget();
}

type Persister = <T, TQueryKey extends QueryKey, TPageParam>(
  queryFn: QueryFunction<T, TQueryKey, TPageParam>,
  context: QueryFunctionContext<TQueryKey>,
  query: Query,
) => Promise<T>;

function makePersister(shouldSave: (result: unknown, query: Query) => boolean): Persister {
  return async (queryFn, context, query) => {
    // Some queries hold secrets (the server list carries access tokens): they opt out.
    const persistable = query.meta?.persist !== false;
    if (
      persistable &&
      query.state.data === undefined &&
      (await saved()).has(storageKey(query.queryHash))
    ) {
      const restored = await queryPersister.retrieveQuery(query.queryHash, (persisted) => {
        query.setState({
          dataUpdatedAt: persisted.state.dataUpdatedAt,
          errorUpdatedAt: persisted.state.errorUpdatedAt,
        });
        if (query.isStale()) void query.fetch();
      });
      // Restored data is what this same query stored: the same shape as its queryFn's result.
      if (restored !== undefined) return restored as Awaited<ReturnType<typeof queryFn>>;
    }
    // Infinite queries hand the persister a context typed without the page param it carries.
    const result = await queryFn(context as Parameters<typeof queryFn>[0]);
    // Deferred: persistQuery writes query.state, which holds the result only after this returns.
    if (persistable && shouldSave(result, query)) write(query);
    return result;
  };
}

function lastPageComplete(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('pages' in data) || !Array.isArray(data.pages))
    return false;
  const last: unknown = data.pages[data.pages.length - 1];
  return typeof last === 'object' && last !== null && 'complete' in last && last.complete === true;
}

/** Every query: restored from disk when there is a copy, saved after each fetch. */
export const persistQueries = makePersister(() => true);

/**
 * For long paged lists: saved only once the list is whole. Writing after every page would clone
 * a growing 20,000-item list ten times over on the main thread while the user scrolls.
 */
export const persistWholeListsOnly = makePersister(lastPageComplete);

/**
 * The first screen's saved lists, put in the cache before the first render: the screen paints them
 * in its first pass instead of asking the persister after it has rendered (first-reads.ts). Only
 * what the persister itself would hand back: this data version, not past its age. Says how many
 * lists it put there (boot renders at once when the first screen has its data).
 */
export async function restoreFirstReads(queryClient: QueryClient): Promise<number> {
  const reads = firstReads.take();
  const restored = await Promise.all(
    reads.map(async (read) => {
      const persisted = await read;
      if (!persisted || persisted.buster !== __QUERY_SCHEMA__) return false;
      if (Date.now() - persisted.state.dataUpdatedAt > QUERY_CACHE_MAX_AGE) return false;
      if (queryClient.getQueryCache().get(persisted.queryHash)?.state.data !== undefined)
        return false;
      const { queryKey, queryHash, state } = persisted;
      const dehydratedAt = state.dataUpdatedAt;
      hydrate(queryClient, {
        queries: [{ queryKey, queryHash, state, dehydratedAt }],
        mutations: [],
      });
      return true;
    }),
  );
  return restored.filter(Boolean).length;
}

/**
 * Start reading the index early, off the critical path of the first screen, and the first
 * screen's lists. True when the last start read lists: it was signed in (first-reads.ts).
 */
export function warmQueryPersister(): boolean {
  void saved();
  return firstReads.warm();
}
