import { Link } from 'react-router';
import type { Track } from '../../domain';
import { formatDuration } from '../../lib/format';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';

export const TRACK_ROW_HEIGHT = 60;

/** One track: number, cover, title and artist, album, length. Text only: titles are never markup. */
export function TrackRow({
  track,
  number,
  urlFor,
  showArt = true,
}: {
  track: Track;
  number: number;
  urlFor: ArtworkUrl | null;
  showArt?: boolean;
}) {
  const unplayable = track.media === null;
  return (
    <div className={`track-row${unplayable ? ' is-unplayable' : ''}`}>
      <span className="track-number">{number}</span>
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
      <span className="track-album" dir="auto">
        {track.albumId ? (
          <Link to={`/library/albums/${encodeURIComponent(track.albumId)}`}>{track.album}</Link>
        ) : (
          track.album
        )}
      </span>
      <span className="track-duration">{formatDuration(track.durationMs)}</span>
    </div>
  );
}
