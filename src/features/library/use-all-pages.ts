import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { ItemsPage } from '../../domain';

/**
 * Keeps fetching pages until the list is whole, so sorting and filtering see every item. The
 * first page paints at once; later pages arrive in the background.
 */
export function useAllPages<T>(query: UseInfiniteQueryResult<InfiniteData<ItemsPage<T>>>) {
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  // The page count is a dependency: a page can start and finish between two renders, leaving the
  // flags as they were, and the next page must still be asked for.
  const pageCount = query.data?.pages.length ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage, pageCount]);

  const pages = query.data?.pages;
  return useMemo(() => {
    const items = pages?.flatMap((p) => p.items) ?? [];
    const last = pages?.[pages.length - 1];
    const skipped = pages?.reduce((n, p) => n + p.skipped, 0) ?? 0;
    return {
      items,
      skipped,
      /** Items the server has in the list, and how many of them have arrived so far. */
      total: last?.total ?? 0,
      loaded: last?.next ?? 0,
      complete: last?.complete ?? false,
    };
  }, [pages]);
}
