import { useEffect } from 'react';
import { player } from './player';
import { usePlayerView } from './player-store';

/** A short confirmation or a skipped-track reason, shown briefly above the player. */
export function PlayerNotice() {
  const notice = usePlayerView((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => player.dismissNotice(), 6000);
    return () => clearTimeout(timer);
  }, [notice]);
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
