import { useEffect, useRef } from 'react';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';
import { Icon } from '../../ui/icon';
import { player } from './player';
import { usePlayerView, type StreamQuality } from './player-store';
import { current } from './queue';
import { QueueView } from './queue-view';
import { SeekBar } from './seek-bar';
import { StarRating } from './star-rating';
import { Transport } from './transport';
import { VolumeSetting } from './volume-setting';

const qualities: Array<[StreamQuality, string]> = [
  ['auto', 'Auto (fits the connection)'],
  ['original', 'Original'],
  ['320', '320 kbps'],
  ['192', '192 kbps'],
  ['128', '128 kbps (saves data)'],
];

/** The full player: large artwork, controls, rating, quality, queue. Esc or the close button closes it. */
export function NowPlaying({ urlFor }: { urlFor: ArtworkUrl | null }) {
  const open = usePlayerView((s) => s.nowPlayingOpen);
  const track = usePlayerView((s) => current(s.queue)?.track);
  const shuffle = usePlayerView((s) => s.queue.shuffle);
  const repeat = usePlayerView((s) => s.queue.repeat);
  const quality = usePlayerView((s) => s.quality);
  const stream = usePlayerView((s) => s.stream);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && player.setNowPlayingOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!open || !track) return null;
  return (
    <div className="now-playing" role="dialog" aria-modal="true" aria-label="Now playing">
      <div className="np-top">
        <button
          ref={closeRef}
          type="button"
          className="icon-btn"
          aria-label="Close the player"
          onClick={() => player.setNowPlayingOpen(false)}
        >
          <Icon name="down" />
        </button>
      </div>
      <div className="np-body">
        <div className="np-main">
          <CoverArt path={track.thumb} size={320} urlFor={urlFor} label={track.album} eager />
          <div className="np-text">
            <h2 className="np-title" dir="auto">
              {track.title}
            </h2>
            <p className="np-artist" dir="auto">
              {track.artist} — {track.album}
            </p>
            <StarRating track={track} />
          </div>
          <SeekBar />
          <Transport size="large" />
          <div className="np-modes">
            <button
              type="button"
              className={`mode-btn${shuffle ? ' on' : ''}`}
              aria-pressed={shuffle}
              onClick={() => player.toggleShuffle()}
            >
              <Icon name="shuffle" size={18} /> Shuffle
            </button>
            <button
              type="button"
              className={`mode-btn${repeat !== 'off' ? ' on' : ''}`}
              aria-label={`Repeat: ${repeat}`}
              onClick={() => player.cycleRepeat()}
            >
              <Icon name="repeat" size={18} /> Repeat {repeat}
            </button>
          </div>
          <VolumeSetting />
          <label className="np-quality">
            <span>Stream quality</span>
            <select
              value={quality}
              onChange={(e) => player.setQuality(e.target.value as StreamQuality)}
            >
              {qualities.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          {stream ? (
            <p className="np-stream">
              {stream.kbps
                ? `Converted by the server to ${stream.kbps} kbps MP3`
                : stream.local
                  ? 'Playing the copy on this device'
                  : 'Playing the original file'}
            </p>
          ) : null}
        </div>
        <QueueView />
      </div>
    </div>
  );
}
