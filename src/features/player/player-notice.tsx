import { useEffect } from 'react';
import { player } from './player';
import { usePlayerView } from './player-store';
import { current } from './queue';

/**
 * A short confirmation or a skipped-track reason, shown briefly above the player. The page's
 * one (`where="page"`, always mounted) times it out; while the full player is open the notice
 * shows inside it instead, as the page behind a modal is hidden under it.
 */
export function PlayerNotice({ where = 'page' }: { where?: 'page' | 'player' }) {
  const notice = usePlayerView((s) => s.notice);
  // Shown, not only asked for: the full player renders nothing without a track.
  const playerOpen = usePlayerView((s) => s.nowPlayingOpen && current(s.queue) !== undefined);
  useEffect(() => {
    if (!notice || where !== 'page') return;
    const timer = setTimeout(() => player.dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice, where]);
  if ((where === 'player') !== playerOpen) return null;
  return (
    <div className="player-notice" role="status" aria-live="polite">
      {notice ? (
        <>
          <span>{notice}</span>
          <button
            type="button"
            className="icon-btn small"
            aria-label="Dismiss"
            onClick={() => player.dismissNotice()}
          >
            ✕
          </button>
        </>
      ) : null}
    </div>
  );
}
