import { createStore, get } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createListWriter } from './query-write-handler';
import type { WriteReply, WriteRequest } from './query-write-shape';

/** A worker that runs the writer's own code on this thread, cloning what crosses as a real one. */
class FakeWorker extends EventTarget {
  static started = 0;
  static posted: WriteRequest[] = [];
  private readonly handle = createListWriter((reply: WriteReply) =>
    this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) })),
  );

  constructor() {
    super();
    FakeWorker.started += 1;
  }

  postMessage(request: WriteRequest) {
    const copy = structuredClone(request);
    FakeWorker.posted.push(copy);
    queueMicrotask(() => this.handle(copy));
  }
}

let n = 0;
const tracks = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: `${from + i}`, title: `Track ${from + i}` }));
/** A saved infinite query as the persister writes it: pages of a playlist's items. */
const saved = (pageSizes: number[]) => {
  let at = 0;
  const pages = pageSizes.map((size) => {
    const page = { items: tracks(at, size), start: at, next: at + size, complete: false };
    at += size;
    return page;
  });
  return {
    buster: 'b',
    queryHash: '["pms","u","s","playlist","1","items"]',
    state: { data: { pages, pageParams: pages.map((p) => p.start) }, dataUpdatedAt: 1 },
  };
};

describe('writing a long list into the saved query cache', () => {
  beforeEach(() => {
    vi.resetModules();
    FakeWorker.started = 0;
    FakeWorker.posted = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('hands a 20,000-track list to the worker a page at a time, and it reads back whole', async () => {
    const { writeLongListsOffPage } = await import('./query-write');
    const db = `write-test-${(n += 1)}`;
    const store = createStore(db, 'queries');
    const value = saved([50, ...Array.from({ length: 10 }, () => 2_000)]);
    const index = new Map([['q', { at: 1, items: 20_050 }]]);
    await writeLongListsOffPage(() => db, 'queries')(
      [
        ['q', value],
        ['index', index],
      ],
      store,
    );
    expect(FakeWorker.started).toBe(1);
    // No message carries more than one page: none clones the whole list on the page.
    const pages = FakeWorker.posted.filter((m) => m.type === 'page');
    expect(pages).toHaveLength(11);
    const last = FakeWorker.posted.at(-1);
    expect(last?.type === 'write' && last.entries[0]?.[1]).toMatchObject({
      state: { data: { pages: [] } },
    });
    expect(await get('q', store)).toEqual(value);
    expect(await get('index', store)).toEqual(index);
  });

  it('writes a short list on the page, as before', async () => {
    const { writeLongListsOffPage } = await import('./query-write');
    const db = `write-test-${(n += 1)}`;
    const store = createStore(db, 'queries');
    const value = saved([50, 300]);
    await writeLongListsOffPage(() => db, 'queries')([['q', value]], store);
    expect(FakeWorker.started).toBe(0);
    expect(await get('q', store)).toEqual(value);
  });

  it('still saves the list on the page when the worker fails', async () => {
    class BrokenWorker extends FakeWorker {
      override postMessage() {
        queueMicrotask(() => this.dispatchEvent(new Event('error')));
      }
    }
    vi.stubGlobal('Worker', BrokenWorker);
    const { writeLongListsOffPage } = await import('./query-write');
    const db = `write-test-${(n += 1)}`;
    const store = createStore(db, 'queries');
    const value = saved([50, 2_000, 2_000, 2_000]);
    await writeLongListsOffPage(() => db, 'queries')([['q', value]], store);
    expect(await get('q', store)).toEqual(value);
  });
});
