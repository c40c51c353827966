import { formatDuration } from '../../lib/format';
import { usePlayerStore, usePlayerView } from './player-store';

/** What's next: play from here, move up/down, remove, clear. */
export function QueueView() {
  const queue = usePlayerView((s) => s.queue);
  const { jumpTo, move, remove, clearUpcoming } = usePlayerStore.getState();
  const upcoming = queue.items.length - queue.index - 1;
  return (
    <section className="queue-view" aria-labelledby="queue-title">
      <div className="queue-head">
        <h2 id="queue-title">Queue</h2>
        {upcoming > 0 ? (
          <button type="button" className="text-btn" onClick={clearUpcoming}>
            Clear upcoming
          </button>
        ) : null}
      </div>
      <ol className="queue-list">
        {queue.items.map((item, i) => (
          <li
            key={item.uid}
            className={i === queue.index ? 'is-current' : i < queue.index ? 'is-played' : undefined}
            aria-current={i === queue.index ? 'true' : undefined}
          >
            <button type="button" className="queue-play" onClick={() => jumpTo(i)}>
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
                aria-label={`Move ${item.track.title} up`}
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-btn small"
                aria-label={`Move ${item.track.title} down`}
                disabled={i === queue.items.length - 1}
                onClick={() => move(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-btn small"
                aria-label={`Remove ${item.track.title} from the queue`}
                onClick={() => remove(i)}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
