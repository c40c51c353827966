import { setMany, type UseStore } from 'idb-keyval';
import { itemsIn } from './query-cache-bound';
import { isPaged } from './query-write-shape';

/**
 * Lists at least this long are written by a worker (query-write-worker.ts): IndexedDB clones on
 * the page, and 20,000 tracks cloned at once were one long task (decision 025).
 */
const OFF_PAGE_ITEMS = 5_000;

type Entries = [IDBValidKey, unknown][];

/**
 * The bounded query store's write (query-cache-bound.ts): one transaction, as `setMany`, but a
 * long paged list is handed to a worker a page per task, so no task of the page clones it all.
 * Where there is no worker (jsdom tests), or it fails, the page writes it as before.
 */
export function writeLongListsOffPage(db: () => string, storeName: string) {
  return async (entries: Entries, store: UseStore): Promise<void> => {
    const pagesOf = entries.findIndex(
      ([, value]) => isPaged(value) && itemsIn(value.state.data) >= OFF_PAGE_ITEMS,
    );
    const long = entries[pagesOf]?.[1];
    if (typeof Worker === 'undefined' || !isPaged(long)) return setMany(entries, store);
    // Its code comes with the first long list (offline before the app is cached, it may not).
    const host = await import('./query-write-host').catch(() => null);
    if (!host) return setMany(entries, store);
    return host.writeThroughWorker(db(), storeName, entries, pagesOf, long, store);
  };
}
