import { Icon } from '../../ui/icon';
import { player } from './player';
import { usePlayerView } from './player-store';

/** Previous / play-pause / next, with names for screen readers and big touch targets. */
export function Transport({ size = 'normal' }: { size?: 'normal' | 'large' }) {
  const wantsToPlay = usePlayerView((s) => s.wantsToPlay);
  const status = usePlayerView((s) => s.status);
  const hasQueue = usePlayerView((s) => s.queue.items.length > 0);
  return (
    <div className={`transport transport-${size}`}>
      <button
        type="button"
        className="icon-btn"
        aria-label="Previous track"
        disabled={!hasQueue}
        onClick={() => player.previous()}
      >
        <Icon name="previous" />
      </button>
      <button
        type="button"
        className="icon-btn play-btn"
        aria-label={wantsToPlay ? 'Pause' : 'Play'}
        aria-busy={status === 'loading' || undefined}
        disabled={!hasQueue}
        onClick={() => player.togglePlay()}
      >
        <Icon name={wantsToPlay ? 'pause' : 'play'} size={size === 'large' ? 34 : 24} />
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label="Next track"
        disabled={!hasQueue}
        onClick={() => player.next()}
      >
        <Icon name="next" />
      </button>
    </div>
  );
}
