/** A saved infinite query: its pages are what makes it long (query-write.ts). */
export interface PagedValue {
  state: { data: { pages: unknown[] } };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

export function isPaged(value: unknown): value is PagedValue {
  return (
    isObject(value) &&
    isObject(value.state) &&
    isObject(value.state.data) &&
    Array.isArray(value.state.data.pages)
  );
}

/** The same value with other pages (the rest shared, not copied). */
export function withPages<T extends PagedValue>(value: T, pages: unknown[]): T {
  return { ...value, state: { ...value.state, data: { ...value.state.data, pages } } };
}

/** What the page sends the writer: each page on its own, then the entries that hold them. */
export type WriteRequest =
  | { type: 'page'; id: number; page: unknown }
  | {
      type: 'write';
      id: number;
      db: string;
      store: string;
      entries: [IDBValidKey, unknown][];
      /** The entry whose value's pages were sent before. */
      pagesOf: number;
    };

export type WriteReply = { id: number; ok: true } | { id: number; ok: false; message: string };
