import { useState } from 'react';
import { Link } from 'react-router';
import type { Track } from '../../domain';
import { formatDuration } from '../../lib/format';
import { useTrackActions } from '../../lib/track-actions';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';

export const TRACK_ROW_HEIGHT = 60;

/**
 * One track: number, cover, title and artist, album, length. Tapping it plays the list from
 * here; ⋯ offers "Play next" and "Add to queue". Text only: titles are never markup.
 */
export function TrackRow({
  track,
  number,
  urlFor,
  onPlay,
  showArt = true,
}: {
  track: Track;
  number: number;
  urlFor: ArtworkUrl | null;
  onPlay: () => void;
  showArt?: boolean;
}) {
  const actions = useTrackActions();
  const playing = actions.useCurrentTrackId() === track.id;
  const [menu, setMenu] = useState(false);
  const unplayable = track.media === null;
  return (
    <div
      className={`track-row${unplayable ? ' is-unplayable' : ''}${playing ? ' is-playing' : ''}`}
    >
      <button
        type="button"
        className="track-play"
        onClick={onPlay}
        aria-label={`Play ${track.title} by ${track.artist}`}
        aria-current={playing || undefined}
      >
        <span className="track-number">{playing ? '♪' : number}</span>
        {showArt ? (
          <CoverArt path={track.thumb} size={40} urlFor={urlFor} label={track.album} />
        ) : null}
        <span className="track-main">
          <span className="track-title" dir="auto">
            {track.title}
          </span>
          <span className="track-artist" dir="auto">
            {track.artist}
            {unplayable ? ' · no playable file' : ''}
          </span>
        </span>
      </button>
      <span className="track-album" dir="auto">
        {track.albumId ? (
          <Link to={`/library/albums/${encodeURIComponent(track.albumId)}`}>{track.album}</Link>
        ) : (
          track.album
        )}
      </span>
      <span className="track-duration">{formatDuration(track.durationMs)}</span>
      <span className="track-more">
        <button
          type="button"
          className="more-btn"
          aria-label={`More for ${track.title}`}
          aria-expanded={menu}
          onClick={() => setMenu((m) => !m)}
        >
          ⋯
        </button>
        {menu ? (
          <span className="track-menu" role="menu">
            <button
              type="button"
              role="menuitem"
              onClick={() => (actions.playNext([track]), setMenu(false))}
            >
              Play next
            </button>
            <button
              type="button"
              role="menuitem"
              onClick={() => (actions.addToQueue([track]), setMenu(false))}
            >
              Add to queue
            </button>
          </span>
        ) : null}
      </span>
    </div>
  );
}
