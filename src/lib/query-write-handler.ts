import { createStore, setMany, type UseStore } from 'idb-keyval';
import { isPaged, withPages, type WriteReply, type WriteRequest } from './query-write-shape';

/**
 * The worker's side of query-write.ts: gathers a list's pages as they come, then puts the
 * entries, pages back in place, in one transaction. IndexedDB clones a value on the thread that
 * puts it: here, not on the page.
 */
export function createListWriter(reply: (message: WriteReply) => void) {
  const pages = new Map<number, unknown[]>();
  const stores = new Map<string, UseStore>();
  return (request: WriteRequest): void => {
    if (request.type === 'page') {
      const got = pages.get(request.id) ?? [];
      got.push(request.page);
      pages.set(request.id, got);
      return;
    }
    const { id, db, store, entries, pagesOf } = request;
    const got = pages.get(id) ?? [];
    pages.delete(id);
    const whole = entries.map(([key, value], i): [IDBValidKey, unknown] => [
      key,
      i === pagesOf && isPaged(value) ? withPages(value, got) : value,
    ]);
    const name = `${db}\u0000${store}`;
    const target = stores.get(name) ?? createStore(db, store);
    stores.set(name, target);
    setMany(whole, target).then(
      () => reply({ id, ok: true }),
      (error: unknown) => reply({ id, ok: false, message: String(error) }),
    );
  };
}
