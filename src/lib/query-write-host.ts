import { setMany, type UseStore } from 'idb-keyval';
import {
  withPages,
  type PagedValue,
  type WriteReply,
  type WriteRequest,
} from './query-write-shape';
import { yieldToMain } from './yield-to-main';

/**
 * The page's side of the list writer (query-write-worker.ts), loaded with the first list long
 * enough to need it: most sessions never save one, and the first screen's code stays as it was.
 */
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
 * Hands `entries[pagesOf]`'s pages to the worker one per task, then the entries without them;
 * the worker writes them all in one transaction. If it can't, the page writes them as before.
 */
export async function writeThroughWorker(
  db: string,
  storeName: string,
  entries: Entries,
  pagesOf: number,
  long: PagedValue,
  store: UseStore,
): Promise<void> {
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
}
