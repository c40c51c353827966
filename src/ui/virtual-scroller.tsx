import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useImperativeHandle,
  useRef,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import './virtual-list.css';

export interface VirtualScrollerHandle {
  /** Scrolls row `index` into the list's view (as little as it takes, by default). */
  scrollToIndex(index: number, align?: 'start' | 'auto'): void;
  /**
   * Focuses the element `selector` names in row `index` (the row itself without one), scrolling
   * the row into view and waiting the few frames it takes to be mounted. `afterRender`: wait
   * for the next frame even if the row is there (a change of the items is being rendered).
   */
  focusRow(index: number, selector?: string, afterRender?: boolean): void;
}

/**
 * A list in a box of its own that scrolls, mounting only the rows in that box (plus a few): the
 * VirtualList for places where the page itself doesn't scroll, like the full player's queue.
 * Fixed row height, so 20,000 rows cost what 20 do. Rows carry their place (aria-posinset of
 * aria-setsize), as VirtualList's do.
 */
export function VirtualScroller<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  rowProps,
  label,
  className,
  listClassName,
  startAt = 0,
  overscan = 3,
  onKeyDown,
  handle,
}: {
  items: readonly T[];
  rowHeight: number;
  /** A stable function (module-level or memoized): see getItemKey. */
  getKey: (item: T, index: number) => string;
  renderRow: (item: T, index: number) => ReactNode;
  rowProps?: (item: T, index: number) => HTMLAttributes<HTMLLIElement>;
  label: string;
  className?: string;
  listClassName?: string;
  /** The row at the top when the list first shows. */
  startAt?: number;
  /**
   * Rows mounted beyond each edge of the box: 3 (168 px at 56 px a row) covers a phone's fling
   * from one frame to the next, and a jump (a dragged scrollbar) mounts no more than it must.
   */
  overscan?: number;
  onKeyDown?: (event: KeyboardEvent<HTMLOListElement>) => void;
  handle?: Ref<VirtualScrollerHandle>;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // Kept while the items are: a new key function makes the virtualizer lay out every row again
  // (20,000 of them) on each render, a scroll's included.
  const getItemKey = useCallback(
    (index: number) => getKey(items[index] as T, index),
    [items, getKey],
  );
  // No React Compiler in this build: the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
    // Opened at a row far down: that row's neighbours are the first ones mounted.
    initialOffset: () => Math.max(0, startAt) * rowHeight,
    getItemKey,
  });
  useImperativeHandle(
    handle,
    () => ({
      scrollToIndex: (index, align = 'auto') => virtualizer.scrollToIndex(index, { align }),
      focusRow(index, selector, afterRender = false) {
        virtualizer.scrollToIndex(index, { align: 'auto' });
        let frames = 0;
        const tryFocus = () => {
          const row = listRef.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
          const target = selector ? row?.querySelector<HTMLElement>(selector) : row;
          if (target) target.focus();
          else if ((frames += 1) < 10) requestAnimationFrame(tryFocus);
        };
        if (afterRender) requestAnimationFrame(tryFocus);
        else tryFocus();
      },
    }),
    [virtualizer],
  );
  // The box first, its rows a moment later (a background render after the first paint): opening
  // a sheet with a long list is two short tasks instead of one long one. The box already has its
  // full height, so it opens scrolled to `startAt`.
  const showRows = useDeferredValue(true, false);
  const rows = showRows ? virtualizer.getVirtualItems() : [];
  return (
    <div ref={scrollRef} className={`virtual-scroller${className ? ` ${className}` : ''}`}>
      <ol
        ref={listRef}
        className={`virtual-list${listClassName ? ` ${listClassName}` : ''}`}
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        data-count={items.length}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const item = items[row.index] as T;
          const extra = rowProps?.(item, row.index);
          return (
            <li
              key={row.key}
              {...extra}
              className={`virtual-row${extra?.className ? ` ${extra.className}` : ''}`}
              data-index={row.index}
              aria-setsize={items.length}
              aria-posinset={row.index + 1}
              style={{ height: rowHeight, top: row.start }}
            >
              {renderRow(item, row.index)}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
