import { QueryClient, QueryClientProvider, queryOptions } from '@tanstack/react-query';
import { act, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ItemsPage } from '../../domain';
import { usePagedList, type PagedList } from './use-paged-list';

const SIZE = 100;
const TOTAL = 150_000;

/** A list of 150,000 numbers served a page at a time, remembering which pages were asked for. */
function setup() {
  const asked: number[] = [];
  const pageQuery = (page: number) =>
    queryOptions({
      queryKey: ['numbers', page],
      queryFn: (): ItemsPage<number> => {
        asked.push(page);
        const start = page * SIZE;
        const items = Array.from({ length: SIZE }, (_, i) => start + i);
        return { items, skipped: 0, start, next: start + SIZE, total: TOTAL, complete: false };
      },
    });
  let list: PagedList<number> | null = null;
  function Probe() {
    list = usePagedList(pageQuery, SIZE);
    return null;
  }
  const client = new QueryClient();
  const wrap = (children: ReactNode) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  render(wrap(<Probe />));
  const current = () => {
    if (!list) throw new Error('not rendered');
    return list;
  };
  return { asked, current };
}

describe('usePagedList', () => {
  it('knows the count from the first page and fetches only where the list is', async () => {
    const { asked, current } = setup();
    await waitFor(() => expect(current().total).toBe(TOTAL));
    expect(current().itemAt(5)).toBe(5);
    expect(current().itemAt(149_999)).toBeUndefined();
    expect(current().missing(149_999)).toBe('loading');
    // Scrolling on to the next rows asks for their page at once.
    act(() => current().onRangeChange(90, 120));
    await waitFor(() => expect(asked).toContain(1));
    expect(current().itemAt(150)).toBe(150);
  });

  it('asks for nothing a fling passes, only where it comes to rest', async () => {
    const { asked, current } = setup();
    await waitFor(() => expect(current().total).toBe(TOTAL));
    // A frame apart, as a wheel flung through the list moves it: on a fake clock, so a loaded
    // machine can't stretch a frame past the list's wait for rest (a real sleep could).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    for (let row = 10_000; row < 150_000; row += 10_000) {
      act(() => current().onRangeChange(row, row + 30));
      await act(() => vi.advanceTimersByTimeAsync(16));
    }
    // Where it comes to rest, the clock is real again: the page is fetched as in the app.
    vi.useRealTimers();
    act(() => current().onRangeChange(149_970, 149_999));
    expect(asked).toEqual([0]);
    await waitFor(() => expect(current().itemAt(149_999)).toBe(149_999));
    expect(asked).toEqual([0, 1499]);
  });
});
