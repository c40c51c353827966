import { useEffect } from 'react';
import { usePlayerView } from './player-store';

/** A short confirmation or a skipped-track reason, shown briefly above the player. */
export function PlayerNotice() {
  const notice = usePlayerView((s) => s.notice);
  const dismiss = usePlayerView((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(dismiss, 6000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className="player-notice" role="status" aria-live="polite">
      {notice ? (
        <>
          <span>{notice}</span>
          <button type="button" className="icon-btn small" aria-label="Dismiss" onClick={dismiss}>
            ✕
          </button>
        </>
      ) : null}
    </div>
  );
}
