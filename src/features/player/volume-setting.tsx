import { useState } from 'react';
import { canSetVolume } from '../../lib/platform/volume-control';
import { Icon } from '../../ui/icon';
import { player } from './player';
import { usePlayerView } from './player-store';

/**
 * Mute and the level slider, where the browser lets a page set the level. iOS doesn't (an
 * element's volume always reads 1 there): a slider would only pretend, so the device's own
 * buttons are named instead (docs/decisions/011).
 */
export function VolumeSetting() {
  const volume = usePlayerView((s) => s.volume);
  const muted = usePlayerView((s) => s.muted);
  // Asked once per mount: a probe element with no source, nothing loads.
  const [settable] = useState(() => canSetVolume());
  if (!settable) return <p className="np-volume-note">Volume: use your device’s buttons</p>;
  return (
    <div className="np-volume">
      <button
        type="button"
        className="icon-btn"
        aria-label={muted ? 'Unmute' : 'Mute'}
        aria-pressed={muted}
        onClick={() => player.toggleMute()}
      >
        <Icon name={muted || volume === 0 ? 'mute' : 'volume'} />
      </button>
      <input
        type="range"
        min={0}
        max={100}
        value={muted ? 0 : Math.round(volume * 100)}
        aria-label="Volume"
        onChange={(e) => player.setVolume(Number(e.target.value) / 100)}
      />
    </div>
  );
}
