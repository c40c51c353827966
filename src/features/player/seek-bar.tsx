import { useState } from 'react';
import { formatDuration } from '../../lib/format';
import { player } from './player';
import { usePositionView } from './position-store';

/** Position and seeking: a native range input (keyboard and screen readers work as-is). */
export function SeekBar({ compact = false }: { compact?: boolean }) {
  const positionMs = usePositionView((s) => s.positionMs);
  const durationMs = usePositionView((s) => s.durationMs);
  const [dragging, setDragging] = useState<number | null>(null);
  const shown = dragging ?? positionMs;
  const max = Math.max(1, Math.round(durationMs / 1000));
  if (compact) {
    const pct = durationMs > 0 ? Math.min(100, (positionMs / durationMs) * 100) : 0;
    return (
      <span className="mini-progress" aria-hidden="true">
        <span style={{ width: `${pct}%` }} />
      </span>
    );
  }
  return (
    <div className="seek-bar">
      <span className="time">{formatDuration(shown)}</span>
      <input
        type="range"
        min={0}
        max={max}
        step={1}
        value={Math.min(max, Math.round(shown / 1000))}
        aria-label="Seek"
        aria-valuetext={`${formatDuration(shown)} of ${formatDuration(durationMs)}`}
        onChange={(e) => setDragging(Number(e.target.value) * 1000)}
        onPointerUp={() => {
          if (dragging !== null) player.seek(dragging);
          setDragging(null);
        }}
        onKeyUp={() => {
          if (dragging !== null) player.seek(dragging);
          setDragging(null);
        }}
      />
      <span className="time">{formatDuration(durationMs)}</span>
    </div>
  );
}
