import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { ListOrigin, Track } from '../../domain';
import { formatDuration } from '../../lib/format';
import { useLinkProps, type LinkProps } from '../../lib/use-link-props';
import type { Availability, TrackListActions } from './list-actions';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';
import { MoreActions, type MoreAction } from '../../ui/more-actions';

export const TRACK_ROW_HEIGHT = 60;

/** What every row of one list shares, worked out once per list instead of once per row. */
export interface RowShared {
  link: (to: string) => LinkProps;
  /** Plays the list from this index. */
  play: (index: number) => void;
  /** The mouse went down on this row's play button. */
  prepare: (index: number) => void;
  /** The player's and downloads' part, as the route handed it in. */
  actions: TrackListActions;
}

export interface TrackList {
  /** Stays the same object while the list is shown, so memoised rows skip re-rendering. */
  rowShared: RowShared;
  /** The track playing now. Rows get a boolean: a track change re-renders two rows, not all. */
  currentId: string | null;
  /** Downloaded, streamable, or not playable now (offline without a copy). */
  availability: (track: Track) => Availability;
}

/**
 * The shared part of a track list. `play` stays the same function while pages arrive (it reads
 * the latest list when tapped), so memoised rows don't re-render for every page.
 */
export function useTrackList(
  actions: TrackListActions,
  tracks: readonly Track[],
  origin?: ListOrigin,
): TrackList {
  const currentId = actions.useCurrentTrackId();
  const availability = actions.useAvailability();
  const link = useLinkProps();
  const latest = useRef({ tracks, origin });
  useLayoutEffect(() => {
    latest.current = { tracks, origin };
  }, [tracks, origin]);
  const play = useCallback(
    (index: number) => actions.play(latest.current.tracks, index, latest.current.origin),
    [actions],
  );
  const prepare = useCallback(
    (index: number) => {
      const track = latest.current.tracks[index];
      if (track) actions.prepare(track);
    },
    [actions],
  );
  const rowShared = useMemo(
    () => ({ link, play, prepare, actions }),
    [link, play, prepare, actions],
  );
  return { rowShared, currentId, availability };
}

/** What "⋯" offers for one track: queue it, and download or remove its copy if it has a file. */
function rowActions(
  track: Track,
  available: Availability,
  actions: TrackListActions,
): MoreAction[] {
  const offered: MoreAction[] = [
    { label: 'Play next', run: () => actions.playNext([track]) },
    { label: 'Add to queue', run: () => actions.addToQueue([track]) },
  ];
  if (track.media)
    offered.push(
      available === 'downloaded'
        ? { label: 'Remove download', run: () => actions.removeTrack(track) }
        : { label: 'Download', run: () => actions.downloadTrack(track) },
    );
  return offered;
}

/**
 * One track: number, cover, title and artist, album, length. Tapping it plays the list from
 * here; ⋯ offers "Play next" and "Add to queue". Text only: titles are never markup.
 */
export const TrackRow = memo(function TrackRow({
  track,
  number,
  index,
  list,
  playing,
  available,
  urlFor,
  showArt = true,
}: {
  track: Track;
  number: number;
  /** Where the track is in the list that plays when it is tapped. */
  index: number;
  list: RowShared;
  playing: boolean;
  available: Availability;
  urlFor: ArtworkUrl | null;
  showArt?: boolean;
}) {
  const { actions } = list;
  const unplayable = track.media === null || available === 'unavailable';
  return (
    <div
      className={`track-row${unplayable ? ' is-unplayable' : ''}${playing ? ' is-playing' : ''}`}
    >
      <button
        type="button"
        className="track-play"
        onClick={() => list.play(index)}
        // A mouse press comes 50–150 ms before its click: time to start fetching the audio.
        // Not for touch, where a press often begins a scroll and would spend mobile data.
        onPointerDown={(e) => {
          if (e.pointerType === 'mouse' && e.button === 0) list.prepare(index);
        }}
        aria-current={playing || undefined}
      >
        {/* The name is the words inside: "Play <title> by <artist>" (what is seen, and more). */}
        <span className="track-number" aria-hidden="true">
          {playing ? '♪' : number}
        </span>
        {showArt ? (
          <CoverArt path={track.thumb} size={40} urlFor={urlFor} label={track.album} />
        ) : null}
        <span className="track-main">
          <span className="visually-hidden">Play </span>
          <span className="track-title" dir="auto">
            {track.title}
          </span>
          <span className="visually-hidden"> by </span>
          <span className="track-artist" dir="auto">
            {track.artist}
            {track.media === null
              ? ' · no playable file'
              : available === 'unavailable'
                ? ' · not downloaded'
                : ''}
          </span>
        </span>
      </button>
      <span className="track-album" dir="auto">
        {track.albumId ? (
          <a {...list.link(`/library/albums/${encodeURIComponent(track.albumId)}`)}>
            {track.album}
          </a>
        ) : (
          track.album
        )}
      </span>
      <span className="track-duration">
        {available === 'downloaded' ? (
          <span className="track-downloaded" role="img" aria-label="Downloaded">
            ↓
          </span>
        ) : null}
        {formatDuration(track.durationMs)}
      </span>
      <span className="track-more">
        <MoreActions
          label={`More for ${track.title}`}
          actions={rowActions(track, available, actions)}
        />
      </span>
    </div>
  );
});
