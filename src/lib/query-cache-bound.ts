import { delMany, get, keys, setMany, type UseStore } from 'idb-keyval';

/**
 * How much of the query cache stays on the device (decision 023). Every screen's data is saved
 * as it is fetched, so without a bound a user who browses a collector's library (30,000 albums in
 * pages, every artist and album opened, every search typed) would grow it for ever. Counted in
 * items (tracks, albums, artists: what a stored list holds) and in saved queries; the oldest
 * writes leave first, and anything past its age is dropped at the next write.
 */
export interface CacheBound {
  /** Saved queries at most. */
  maxEntries: number;
  /** List items across all saved queries at most (a 20,000-track playlist is 20,000). */
  maxItems: number;
  /** Older writes are dropped. */
  maxAgeMs: number;
}

interface IndexEntry {
  /** When it was written (ms since the epoch). */
  at: number;
  items: number;
}
type Index = Map<string, IndexEntry>;

/** The bookkeeping lives beside the queries, under a key no query hash can take. */
export const INDEX_KEY = 'plexm8-cache-index';

/** The list items a query's data holds: a list, an infinite query's pages, or a page. */
export function itemsIn(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  if (typeof data !== 'object' || data === null) return 1;
  if ('pages' in data && Array.isArray(data.pages))
    return data.pages.reduce((sum: number, page: unknown) => sum + itemsIn(page), 0);
  if ('items' in data && Array.isArray(data.items)) return data.items.length;
  return 1;
}

/** Which keys to drop, oldest first, so that what stays is within `bound` (never `keep`). */
function overflow(index: Index, bound: CacheBound, now: number, keep: string): string[] {
  const byAge = [...index].sort((a, b) => a[1].at - b[1].at);
  let entries = byAge.length;
  let items = byAge.reduce((sum, [, e]) => sum + e.items, 0);
  const drop: string[] = [];
  for (const [key, entry] of byAge) {
    const expired = now - entry.at > bound.maxAgeMs;
    if (key === keep || (!expired && entries <= bound.maxEntries && items <= bound.maxItems))
      continue;
    drop.push(key);
    entries -= 1;
    items -= entry.items;
  }
  return drop;
}

/**
 * A store for the query persister that keeps within `bound`. Writes run one after another (the
 * index is read, changed and written back). `onDropped` hears of every key removed to make room.
 */
export function boundedStorage<V extends { state: { data?: unknown } }>(
  store: () => UseStore,
  bound: CacheBound,
  onDropped: (keys: string[]) => void,
  now: () => number = Date.now,
  /** How entries are put, in one transaction (a long list may be put off the page). */
  write: (entries: [IDBValidKey, unknown][], store: UseStore) => Promise<void> = setMany,
) {
  let index: Promise<Index> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const load = () =>
    (index ??= get<Index>(INDEX_KEY, store()).then(async (saved) => {
      if (saved) return saved;
      // Saved before there was an index: the oldest of all, sizes unknown.
      const all = await keys<string>(store());
      return new Map(all.map((key) => [key, { at: 0, items: 0 }]));
    }));
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    setItem: (key: string, value: V) =>
      serial(async () => {
        const items = itemsIn(value.state.data);
        // One list bigger than the whole allowance is not kept at all.
        if (items > bound.maxItems) return;
        const current = await load();
        current.set(key, { at: now(), items });
        const dropped = overflow(current, bound, now(), key);
        for (const gone of dropped) current.delete(gone);
        await write(
          [
            [key, value],
            [INDEX_KEY, current],
          ],
          store(),
        );
        if (dropped.length > 0) {
          await delMany(dropped, store());
          onDropped(dropped);
        }
      }),
    removeItem: (key: string) =>
      serial(async () => {
        const current = await load();
        current.delete(key);
        await delMany([key], store());
        await setMany([[INDEX_KEY, current]], store());
      }),
    /** After the store was cleared: the index starts again from what is there. */
    forget: () => void (index = null),
  };
}
