import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import './virtual-list.css';

const windowRect = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * A list that mounts only the rows on screen (plus a few), scrolling with the page so phones
 * keep their native scrolling. Fixed row height: a 20,000-row list costs the same as a 20-row one.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  label,
  overscan = 8,
}: {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T, index: number) => string;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  overscan?: number;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const [offset, setOffset] = useState(0);
  // Where the list starts on the page. Read after the first paint: the rows painted first assume
  // 0 and, with the overscan, already cover the screen; reading it earlier forces a layout and a
  // second render before anything shows.
  useEffect(() => {
    setOffset(listRef.current?.offsetTop ?? 0);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    estimateSize: () => rowHeight,
    overscan,
    scrollMargin: offset,
    // The window's size from the start: without it the first render mounts no rows at all.
    initialRect: typeof window === 'undefined' ? undefined : windowRect(),
    getItemKey: (index) => getKey(items[index] as T, index),
  });
  const rows = virtualizer.getVirtualItems();
  return (
    <ul
      ref={listRef}
      className="virtual-list"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize() }}
      data-count={items.length}
    >
      {rows.map((row) => (
        <li
          key={row.key}
          className="virtual-row"
          aria-setsize={items.length}
          aria-posinset={row.index + 1}
          // `top`, not a transform: a transform makes each row a stacking context, and a row's
          // menu would then hide under the rows after it.
          style={{ height: rowHeight, top: row.start - virtualizer.options.scrollMargin }}
        >
          {renderRow(items[row.index] as T, row.index)}
        </li>
      ))}
    </ul>
  );
}
