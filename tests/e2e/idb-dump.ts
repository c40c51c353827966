import type { Page } from 'playwright-core';
import { waitInPage } from './poll-page';

/** Everything PlexM8 keeps in IndexedDB (keys and values), as one string to search for secrets. */
export function dumpIndexedDb(page: Page, only?: string): Promise<string> {
  return page.evaluate(async (only) => {
    const out: unknown[] = [];
    for (const info of await indexedDB.databases()) {
      if (!info.name || (only && info.name !== only)) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name as string);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const store = db.transaction(storeName).objectStore(storeName);
        const [keys, values] = await Promise.all(
          [store.getAllKeys(), store.getAll()].map(
            (req) =>
              new Promise<unknown[]>(
                (resolve) => (req.onsuccess = () => resolve(req.result as unknown[])),
              ),
          ),
        );
        out.push({ db: info.name, store: storeName, keys, values });
      }
      db.close();
    }
    return JSON.stringify(out);
  }, only);
}

/**
 * Everything the app's origin keeps anywhere a browser stores things: IndexedDB, the Cache
 * Storage keys (request URLs) of every cache, local and session storage, cookies.
 */
export async function dumpAllStorage(page: Page): Promise<string> {
  const idb = await dumpIndexedDb(page);
  const rest = await page.evaluate(async () => {
    const caches: Record<string, string[]> = {};
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      caches[name] = (await cache.keys()).map((request) => request.url);
    }
    return JSON.stringify({
      caches,
      local: { ...localStorage },
      session: { ...sessionStorage },
      cookies: document.cookie,
    });
  });
  return `${idb}\n${rest}`;
}

/**
 * Waits until the saved query cache holds a list of `items` (its index is written in the same
 * transaction as the list: query-cache-bound.ts), so a test can go offline knowing it is there.
 */
export async function waitForSavedList(page: Page, db: string, items: number): Promise<void> {
  await waitInPage(
    page,
    async ([db, items]: readonly [string, number]) => {
      // Only a database that exists: opening a missing one would create it without its store.
      if (!(await indexedDB.databases()).some((info) => info.name === db)) return false;
      const conn = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(db);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        if (!conn.objectStoreNames.contains('queries')) return false;
        const req = conn.transaction('queries').objectStore('queries').get('plexm8-cache-index');
        const index = await new Promise<unknown>(
          (resolve) => (req.onsuccess = () => resolve(req.result)),
        );
        if (!(index instanceof Map)) return false;
        return [...index.values()].some(
          (e: unknown) => typeof e === 'object' && e !== null && 'items' in e && e.items === items,
        );
      } finally {
        conn.close();
      }
    },
    [db, items] as const,
    { timeout: 20_000, interval: 250, what: `a saved list of ${items}` },
  );
}

/**
 * Waits until the app's query cache on disk holds a query for each key tail given (`['playlist',
 * '9001', 'items']`): the persister saves after the screen shows the data, so a test that goes
 * offline next waits for the save itself, not for a stretch of time.
 */
export async function waitForSavedQueries(page: Page, ...tails: string[][]): Promise<void> {
  const endings = tails.map((tail) => JSON.stringify(tail).slice(1));
  await waitInPage(
    page,
    async (endings: string[]) => {
      const saved: string[] = [];
      for (const info of await indexedDB.databases()) {
        if (!info.name?.endsWith('query-cache')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name as string);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        if (db.objectStoreNames.contains('queries')) {
          const req = db.transaction('queries').objectStore('queries').getAllKeys();
          const keys = await new Promise<IDBValidKey[]>((resolve) => {
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => resolve([]);
          });
          for (const key of keys) saved.push(String(key));
        }
        db.close();
      }
      return endings.every((end) => saved.some((key) => key.endsWith(end)));
    },
    endings,
    { interval: 50, timeout: 15_000, what: `saved queries ${endings.join(', ')}` },
  );
}
