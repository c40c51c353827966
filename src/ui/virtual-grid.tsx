import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type ReactNode } from 'react';
import { useListBox } from './list-box';
import './virtual-list.css';

const windowRect = () => ({ width: window.innerWidth, height: window.innerHeight });

/**
 * A grid of cards that mounts only the rows on screen (plus a few), scrolling with the page like
 * VirtualList. As many columns as fit `minItemWidth`; every card in a row is as tall as
 * `itemHeight(width)` says for the width it gets. Each card is a list item with its position in
 * the whole list (aria-setsize/posinset), so a screen reader announces "12 of 30,000".
 */
export function VirtualGrid({
  count,
  label,
  getKey,
  renderItem,
  itemHeight,
  minItemWidth = 160,
  columnGap = 16,
  rowGap = 16,
  overscanRows = 2,
  onRangeChange,
  className,
}: {
  count: number;
  label: string;
  getKey: (index: number) => string;
  renderItem: (index: number) => ReactNode;
  itemHeight: (width: number) => number;
  minItemWidth?: number;
  columnGap?: number;
  rowGap?: number;
  overscanRows?: number;
  /** Told which items are mounted (first and last index), for fetching the pages they are on. */
  onRangeChange?: (first: number, last: number) => void;
  className?: string;
}) {
  const { ref: listRef, width, top } = useListBox<HTMLUListElement>(true);
  const columns = Math.max(1, Math.floor((width + columnGap) / (minItemWidth + columnGap)));
  const itemWidth = (width - columnGap * (columns - 1)) / columns;
  const rowHeight = Math.ceil(itemHeight(itemWidth)) + rowGap;
  const rowCount = Math.ceil(count / columns);
  const virtualizer = useWindowVirtualizer({
    count: rowCount,
    estimateSize: () => rowHeight,
    overscan: overscanRows,
    scrollMargin: top,
    initialRect: typeof window === 'undefined' ? undefined : windowRect(),
  });
  // Rows are all one height, set by the width: a new width is a new height for every row.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const rows = virtualizer.getVirtualItems();
  const first = (rows[0]?.index ?? 0) * columns;
  const last = Math.min(count, ((rows[rows.length - 1]?.index ?? -1) + 1) * columns) - 1;
  useEffect(() => {
    if (last >= first) onRangeChange?.(first, last);
  }, [onRangeChange, first, last]);

  const items: ReactNode[] = [];
  for (const row of rows) {
    for (let column = 0; column < columns; column += 1) {
      const index = row.index * columns + column;
      if (index >= count) break;
      items.push(
        <li
          key={getKey(index)}
          className="virtual-cell"
          aria-setsize={count}
          aria-posinset={index + 1}
          style={{
            top: row.start - virtualizer.options.scrollMargin,
            insetInlineStart: column * (itemWidth + columnGap),
            width: itemWidth,
            height: rowHeight - rowGap,
          }}
        >
          {renderItem(index)}
        </li>,
      );
    }
  }
  return (
    <ul
      ref={listRef}
      className={`virtual-grid${className ? ` ${className}` : ''}`}
      aria-label={label}
      data-count={count}
      // Inline, so a class the screen adds for margins can't make it a CSS grid again.
      style={{
        display: 'block',
        position: 'relative',
        height: Math.max(0, virtualizer.getTotalSize() - rowGap),
      }}
    >
      {items}
    </ul>
  );
}
