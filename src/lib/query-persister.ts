import {
  experimental_createQueryPersister,
  type PersistedQuery,
} from '@tanstack/query-persist-client-core';
import type { Query, QueryFunction, QueryFunctionContext, QueryKey } from '@tanstack/react-query';
import { clear, createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

/**
 * Each query is persisted on its own in IndexedDB (not one big JSON blob): a 20,000-track
 * playlist is written without stringifying the whole cache, and restored only when opened.
 * Values are stored by structured clone. Keys are query hashes: user and server ids, never a
 * token or URL (docs/decisions/004).
 */
export const QUERY_CACHE_MAX_AGE = 7 * 24 * 60 * 60_000;

let store: UseStore | null = null;
const cacheStore = () => (store ??= createStore('plexm8-query-cache', 'queries'));

export const queryPersister = experimental_createQueryPersister<PersistedQuery>({
  storage: {
    getItem: (key) => get<PersistedQuery>(key, cacheStore()),
    setItem: (key, value) => set(key, value, cacheStore()),
    removeItem: (key) => del(key, cacheStore()),
    entries: () => entries<string, PersistedQuery>(cacheStore()),
  },
  maxAge: QUERY_CACHE_MAX_AGE,
  buster: __APP_VERSION__,
  serialize: (query) => query,
  deserialize: (stored) => stored,
  // Some queries hold secrets (the server list carries access tokens): they opt out.
  filters: { predicate: (query) => query.meta?.persist !== false },
});

export const clearPersistedQueries = () => clear(cacheStore());

function lastPageComplete(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || !('pages' in data) || !Array.isArray(data.pages))
    return false;
  const last: unknown = data.pages[data.pages.length - 1];
  return typeof last === 'object' && last !== null && 'complete' in last && last.complete === true;
}

/**
 * For long paged lists: restore like any query, but write to disk only once the list is whole.
 * Writing after every page would clone a growing 20,000-item list ten times over on the main
 * thread while the user scrolls.
 */
export async function persistWholeListsOnly<T, TQueryKey extends QueryKey, TPageParam>(
  queryFn: QueryFunction<T, TQueryKey, TPageParam>,
  context: QueryFunctionContext<TQueryKey>,
  query: Query,
): Promise<T> {
  if (query.state.data === undefined) {
    const restored = await queryPersister.retrieveQuery(query.queryHash, (persisted) => {
      query.setState({
        dataUpdatedAt: persisted.state.dataUpdatedAt,
        errorUpdatedAt: persisted.state.errorUpdatedAt,
      });
      if (query.isStale()) void query.fetch();
    });
    // Restored data is what this same query stored: the same shape as its queryFn's result.
    if (restored !== undefined) return restored as T;
  }
  // Infinite queries hand the persister a context typed without the page param it really carries.
  const result = await queryFn(context as QueryFunctionContext<TQueryKey, TPageParam>);
  if (lastPageComplete(result)) setTimeout(() => void queryPersister.persistQuery(query), 0);
  return result;
}
