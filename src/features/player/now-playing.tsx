import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';
import { Icon } from '../../ui/icon';
import { Modal } from '../../ui/modal';
import { player } from './player';
import { PlayerNotice } from './player-notice';
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

/**
 * The full player: large artwork, controls, rating, quality, queue. A modal (ui/modal.tsx): the
 * page behind is inert while it is open, and Esc or the close button closes it. The player's
 * notices show inside it then, or they would be behind it.
 */
export function NowPlaying({ urlFor }: { urlFor: ArtworkUrl | null }) {
  const open = usePlayerView((s) => s.nowPlayingOpen);
  const track = usePlayerView((s) => current(s.queue)?.track);
  const shuffle = usePlayerView((s) => s.queue.shuffle);
  const repeat = usePlayerView((s) => s.queue.repeat);
  const quality = usePlayerView((s) => s.quality);
  const stream = usePlayerView((s) => s.stream);

  if (!open || !track) return null;
  return (
    <Modal
      className="now-playing"
      aria-label="Now playing"
      onClose={() => player.setNowPlayingOpen(false)}
    >
      <div className="np-top">
        {/* Focus starts here as the player opens (the modal mounts its content once shown). */}
        <button
          autoFocus
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
      <PlayerNotice where="player" />
    </Modal>
  );
}
