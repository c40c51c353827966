import { createStore, promisifyRequest } from 'idb-keyval';

/**
 * Where the saved queries under one key live (lib/query-persister.ts writes them): their
 * database, the range of their storage keys, and what makes a copy usable. Plain data, so it can
 * be posted to a worker, which reads them there instead of on the page.
 */
export interface SavedQueriesAt {
  db: string;
  from: string;
  to: string;
  buster: string;
  maxAge: number;
}

interface Stored {
  buster?: unknown;
  queryKey?: unknown;
  state?: { data?: unknown; dataUpdatedAt?: unknown };
}

/**
 * Calls `each` with the data of every usable saved query in the range: a newer build's copy
 * (another buster) or one past its age is skipped, as the persister itself would drop it.
 */
export async function readSavedQueries(
  at: SavedQueriesAt,
  each: (data: unknown, queryKey: readonly unknown[]) => void,
  now = Date.now(),
): Promise<void> {
  const store = createStore(at.db, 'queries');
  const values = await store('readonly', (s) =>
    promisifyRequest(s.getAll(IDBKeyRange.bound(at.from, at.to))),
  );
  for (const value of values as Stored[]) {
    if (typeof value !== 'object' || value === null || value.buster !== at.buster) continue;
    const updated = value.state?.dataUpdatedAt;
    if (typeof updated !== 'number' || now - updated > at.maxAge) continue;
    if (!Array.isArray(value.queryKey)) continue;
    each(value.state?.data, value.queryKey);
  }
}
