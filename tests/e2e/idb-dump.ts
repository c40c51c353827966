import type { Page } from 'playwright-core';

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
