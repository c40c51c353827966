import { useRef, useState, type KeyboardEvent } from 'react';
import { formatDuration } from '../../lib/format';
import { VirtualScroller, type VirtualScrollerHandle } from '../../ui/virtual-scroller';
import { player } from './player';
import { usePlayerView } from './player-store';
import type { QueueItem } from './queue';

/** A row's height: two lines of text and 36 px buttons, with room to breathe. */
const ROW_HEIGHT = 56;
const count = (n: number) => n.toLocaleString('en');
const keyOf = (item: QueueItem) => item.uid;

/** The controls of a row, named so focus can go to the same one in another row. */
const controls = ['play', 'up', 'down', 'remove'] as const;
type Control = (typeof controls)[number];
const control = (name: Control) => `[data-control="${name}"]`;
const controlOf = (element: HTMLElement | null): Control =>
  controls.find((c) => c === element?.dataset.control) ?? 'play';

/**
 * What's next: play from here, move up/down, remove, clear. Virtualized in a box of its own
 * (decision 018): 20,000 entries mount as a screenful of rows, and the box opens at the track
 * playing. ↑/↓ move between rows (to the same control), Home/End to the first and last.
 */
export function QueueView() {
  const queue = usePlayerView((s) => s.queue);
  const list = useRef<VirtualScrollerHandle>(null);
  // Read once: the box opens at the track playing, then stays where the user scrolls it.
  const [startAt] = useState(() => Math.max(0, queue.index - 1));
  const total = queue.items.length;
  const upcoming = total - queue.index - 1;

  const moveBy = (from: number, by: -1 | 1, which: Control) => {
    player.move(from, from + by);
    // The row's element may be put back in the list to reorder it, which loses focus.
    list.current?.focusRow(from + by, control(which), true);
  };
  const removeAt = (at: number) => {
    player.remove(at);
    const left = player.state.queue.items.length;
    if (left > 0) list.current?.focusRow(Math.min(at, left - 1), control('remove'), true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    const row = target?.closest<HTMLElement>('[data-index]');
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return;
    const at = Number(row.dataset.index);
    const to =
      event.key === 'ArrowDown'
        ? at + 1
        : event.key === 'ArrowUp'
          ? at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? total - 1
              : null;
    if (to === null || to < 0 || to >= total) return;
    event.preventDefault();
    const which = controlOf(target);
    // Up is off in the first row and down in the last: the title's button stands in there.
    const disabledThere = (which === 'up' && to === 0) || (which === 'down' && to === total - 1);
    list.current?.focusRow(to, control(disabledThere ? 'play' : which));
  };

  const renderRow = (item: QueueItem, i: number) => (
    <>
      <button
        type="button"
        className="queue-play"
        data-control="play"
        onClick={() => player.jumpTo(i)}
      >
        {/* Hidden words, not an aria-label: a spoken name must contain the words on screen
            (WCAG 2.5.3, axe's label-content-name-mismatch), duration included. */}
        <span className="visually-hidden">Play </span>
        <span className="queue-title" dir="auto">
          {item.track.title}
        </span>
        <span className="visually-hidden"> by </span>
        <span className="queue-artist" dir="auto">
          {item.track.artist} · {formatDuration(item.track.durationMs)}
        </span>
      </button>
      <span className="queue-actions">
        <button
          type="button"
          className="icon-btn small"
          data-control="up"
          aria-label={`Move ${item.track.title} up`}
          disabled={i === 0}
          onClick={() => moveBy(i, -1, 'up')}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-btn small"
          data-control="down"
          aria-label={`Move ${item.track.title} down`}
          disabled={i === total - 1}
          onClick={() => moveBy(i, 1, 'down')}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-btn small"
          data-control="remove"
          aria-label={`Remove ${item.track.title} from the queue`}
          onClick={() => removeAt(i)}
        >
          ✕
        </button>
      </span>
    </>
  );

  return (
    <section className="queue-view" aria-labelledby="queue-title">
      <div className="queue-head">
        <h2 id="queue-title">Queue</h2>
        {total > 0 ? (
          <p className="queue-count">
            <span className="visually-hidden">Playing track </span>
            {count(queue.index + 1)} of {count(total)}
          </p>
        ) : null}
        {upcoming > 0 ? (
          <button type="button" className="text-btn" onClick={() => player.clearUpcoming()}>
            Clear upcoming
          </button>
        ) : null}
      </div>
      <VirtualScroller
        handle={list}
        className="queue-scroller"
        listClassName="queue-list"
        label="Queue"
        items={queue.items}
        rowHeight={ROW_HEIGHT}
        startAt={startAt}
        getKey={keyOf}
        renderRow={renderRow}
        rowProps={(_, i) => ({
          className: i === queue.index ? 'is-current' : i < queue.index ? 'is-played' : undefined,
          'aria-current': i === queue.index ? 'true' : undefined,
        })}
        onKeyDown={onKeyDown}
      />
    </section>
  );
}
