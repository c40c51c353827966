import { promisifyRequest, type UseStore } from 'idb-keyval';

/**
 * idb-keyval's `createStore`, with each transaction's durability "relaxed": it commits once the
 * browser has the data, not once the disk confirms it (an fsync per transaction). Every database
 * of an origin shares one backing store in Chromium, so with "strict" each file and each job
 * record waited for its own flush, one after another: a long wait apiece on a busy disk
 * (decision 021). What "relaxed" can lose is the last moments before the machine itself goes down, not a
 * closed tab or a crashed browser; a download lost that way is fetched again. Engines without the
 * option ignore it (an unknown dictionary member).
 */
export function relaxedStore(dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = () => {
    if (dbp) return dbp;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const opened = promisifyRequest(request);
    dbp = opened;
    opened.then(
      (db) => {
        // Safari may close the connection on its own (as idb-keyval notes): open it again.
        db.onclose = () => (dbp = undefined);
      },
      () => (dbp = undefined),
    );
    return opened;
  };
  return (mode, callback) =>
    getDB().then((db) =>
      callback(db.transaction(storeName, mode, { durability: 'relaxed' }).objectStore(storeName)),
    );
}
