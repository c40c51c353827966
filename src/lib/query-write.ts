import { setMany, type UseStore } from 'idb-keyval';
import { itemsIn } from './query-cache-bound';
import { isPaged, withPages, type WriteReply, type WriteRequest } from './query-write-shape';
import { yieldToMain } from './yield-to-main';

/**
 * Lists at least this long are written by a worker (query-write-worker.ts): cloning 2,000
 * tracks takes the page 5–8 ms, so 20,000 at once was a task of 50–80 ms (decision 025).
 */
const OFF_PAGE_ITEMS = 5_000;

type Entries = [IDBValidKey, unknown][];

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (reply: WriteReply) => void>();

function writer(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./query-write-worker.ts', import.meta.url), {
    type: 'module',
    name: 'query-write',
  });
  started.addEventListener('message', (event: MessageEvent<WriteReply>) => {
    waiting.get(event.data.id)?.(event.data);
    waiting.delete(event.data.id);
  });
  // A worker that fails to start fails every write it holds: those are written here instead.
  started.addEventListener('error', () => {
    for (const [id, done] of waiting) done({ id, ok: false, message: 'the writer stopped' });
    waiting.clear();
    if (worker === started) worker = null;
  });
  worker = started;
  return started;
}

/**
 * The bounded query store's write (query-cache-bound.ts): one transaction, as `setMany`, but a
 * long paged list is handed to a worker a page per task, so no task of the page clones it all.
 * Where there is no worker (jsdom tests), or it fails, the page writes it as before.
 */
export function writeLongListsOffPage(db: string, storeName: string) {
  return async (entries: Entries, store: UseStore): Promise<void> => {
    const pagesOf = entries.findIndex(
      ([, value]) => isPaged(value) && itemsIn(value.state.data) >= OFF_PAGE_ITEMS,
    );
    const long = entries[pagesOf]?.[1];
    if (typeof Worker === 'undefined' || !isPaged(long)) return setMany(entries, store);
    let target: Worker;
    try {
      target = writer();
    } catch {
      return setMany(entries, store);
    }
    const id = (nextId += 1);
    const answered = new Promise<WriteReply>((resolve) => waiting.set(id, resolve));
    for (const page of long.state.data.pages) {
      await yieldToMain();
      const request: WriteRequest = { type: 'page', id, page };
      target.postMessage(request);
    }
    const light: Entries = entries.map(([key, value], i) => [
      key,
      i === pagesOf ? withPages(long, []) : value,
    ]);
    const request: WriteRequest = {
      type: 'write',
      id,
      db,
      store: storeName,
      entries: light,
      pagesOf,
    };
    target.postMessage(request);
    const reply = await answered;
    if (!reply.ok) await setMany(entries, store);
  };
}
