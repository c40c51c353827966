import {
  useQueries,
  useQuery,
  type QueryKey,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemsPage } from '../../domain';

/** Rows past the mounted ones whose page is fetched too, so a slow scroll meets them ready. */
const AHEAD = 30;
/**
 * A jump (a fling, a dragged scrollbar, End) waits this long for the list to come to rest before
 * its pages are asked for: every page flown past would otherwise be fetched, parsed and dropped,
 * and that garbage and those renders were the long tasks of a fast scroll.
 */
const SETTLE_MS = 120;

export type Missing = 'loading' | 'offline' | 'failed';

export interface PagedList<T> {
  /** The first page: how many items there are, and whether the list came at all. */
  head: UseQueryResult<ItemsPage<T>>;
  /** Items on the server (0 until the first page answers). */
  total: number;
  /** The item at `index`, if its page is here. */
  itemAt(index: number): T | undefined;
  /** Why the item at `index` isn't here (yet). */
  missing(index: number): Missing;
  /** The page holding `index`, if here: what plays when a track on it is tapped. */
  pageAt(index: number): ItemsPage<T> | undefined;
  /** For the list: which items are mounted, so their pages are fetched and no others. */
  onRangeChange(first: number, last: number): void;
}

/**
 * A long server-sorted list read page by page where the user is, not from the start: the first
 * page (for the count) and the pages under the mounted rows are observed; pages scrolled past
 * lose their observer, their fetch is cancelled if still running, and later leave memory.
 */
export function usePagedList<T, K extends QueryKey>(
  pageQuery: (page: number) => UseQueryOptions<ItemsPage<T>, Error, ItemsPage<T>, K>,
  pageSize: number,
): PagedList<T> {
  const [span, setSpan] = useState({ from: 0, to: 0 });
  const shown = useRef(span);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  const onRangeChange = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first - AHEAD) / pageSize);
      const to = Math.floor((last + AHEAD) / pageSize);
      const now = shown.current;
      if (now.from === from && now.to === to) return;
      const commit = () => {
        shown.current = { from, to };
        setSpan(shown.current);
      };
      clearTimeout(settle.current);
      // Scrolling on to the next page: at once. Anywhere else: once the list is at rest there.
      if (from <= now.to + 1 && to >= now.from - 1) commit();
      else settle.current = setTimeout(commit, SETTLE_MS);
    },
    [pageSize],
  );
  // The first page is always asked for; the rest only once it says the list goes on.
  const head = useQuery(pageQuery(0));
  const known = head?.data;
  const lastPage = known && !known.complete ? Math.ceil(known.total / pageSize) - 1 : 0;
  const wanted: number[] = [];
  for (let p = Math.max(1, span.from); p <= Math.min(span.to, lastPage); p += 1) wanted.push(p);
  const rest = useQueries({ queries: wanted.map(pageQuery) });
  const pages = new Map<number, UseQueryResult<ItemsPage<T>>>();
  pages.set(0, head);
  wanted.forEach((p, i) => {
    const result = rest[i];
    if (result) pages.set(p, result);
  });

  const pageAt = (index: number) => {
    // A server that ignored paging sent it all in the first page.
    if (known?.complete) return known;
    return pages.get(Math.floor(index / pageSize))?.data;
  };
  return {
    head,
    total: known ? Math.max(known.total, known.complete ? known.items.length : 0) : 0,
    itemAt: (index) => {
      const page = pageAt(index);
      return page?.items[index - page.start];
    },
    missing: (index) => {
      const result = known?.complete ? head : pages.get(Math.floor(index / pageSize));
      if (result?.isError) return 'failed';
      if (result?.fetchStatus === 'paused') return 'offline';
      return 'loading';
    },
    pageAt,
    onRangeChange,
  };
}
