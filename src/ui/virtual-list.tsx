import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, type ReactNode } from 'react';
import { useListBox } from './list-box';
import './virtual-list.css';

const windowRect = () => ({ width: window.innerWidth, height: window.innerHeight });

interface Common {
  rowHeight: number;
  label: string;
  className?: string;
  overscan?: number;
  /** Told which rows are mounted (first and last index), for fetching the pages they are on. */
  onRangeChange?: (first: number, last: number) => void;
}

/**
 * A list that mounts only the rows on screen (plus a few), scrolling with the page so phones
 * keep their native scrolling. Fixed row height: a 150,000-row list costs the same as a 20-row
 * one. Rows are asked for by index, so a list whose items arrive page by page (or not yet) can
 * show each row as it is; every row carries its place in the whole list (aria-setsize/posinset).
 */
export function VirtualRows({
  count,
  rowHeight,
  getKey,
  renderRow,
  label,
  overscan = 8,
  onRangeChange,
  className,
}: Common & {
  count: number;
  getKey: (index: number) => string;
  renderRow: (index: number) => ReactNode;
}) {
  const { ref: listRef, top } = useListBox<HTMLUListElement>(false);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: top,
    // The window's size from the start: without it the first render mounts no rows at all.
    initialRect: typeof window === 'undefined' ? undefined : windowRect(),
    getItemKey: getKey,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [onRangeChange, first, last]);
  return (
    <ul
      ref={listRef}
      className={`virtual-list${className ? ` ${className}` : ''}`}
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
      data-count={count}
    >
      {rows.map((row) => (
        <li
          key={row.key}
          className="virtual-row"
          aria-setsize={count}
          aria-posinset={row.index + 1}
          // `top`, not a transform: a transform makes each row a stacking context, and a row's
          // menu would then hide under the rows after it.
          style={{ height: rowHeight, top: row.start - virtualizer.options.scrollMargin }}
        >
          {renderRow(row.index)}
        </li>
      ))}
    </ul>
  );
}

/** VirtualRows over a list held whole. */
export function VirtualList<T>({
  items,
  getKey,
  renderRow,
  ...rest
}: Common & {
  items: readonly T[];
  getKey: (item: T, index: number) => string;
  renderRow: (item: T, index: number) => ReactNode;
}) {
  // The same function while the items are the same: the virtualizer measures every row again
  // (O(rows), 20,000 in a big playlist) whenever its key function changes, and a list re-renders
  // on each downloaded file or playing track. `getKey` must depend on the item alone.
  const getIndexKey = useCallback(
    (index: number) => getKey(items[index] as T, index),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- getKey: a new one each render
    [items],
  );
  return (
    <VirtualRows
      {...rest}
      count={items.length}
      getKey={getIndexKey}
      renderRow={(index) => renderRow(items[index] as T, index)}
    />
  );
}
