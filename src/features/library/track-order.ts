import type { Track } from '../../domain';
import { foldForSearch } from './fold';

export type TrackSort = 'playlist' | 'title' | 'artist' | 'album' | 'duration';

export const sortLabels: Record<TrackSort, string> = {
  playlist: 'Playlist order',
  title: 'Title',
  artist: 'Artist',
  album: 'Album',
  duration: 'Duration',
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface IndexedTrack {
  track: Track;
  /** Position in the playlist as the server sent it (1-based), kept through sorting. */
  position: number;
}

/** Filters by title, artist or album, then sorts; ties keep playlist order (a stable sort). */
export function orderTracks(
  tracks: readonly Track[],
  filter: string,
  sort: TrackSort,
): IndexedTrack[] {
  const needle = foldForSearch(filter.trim());
  let rows = tracks.map((track, i) => ({ track, position: i + 1 }));
  if (needle) {
    rows = rows.filter(({ track }) =>
      foldForSearch(`${track.title}\u0000${track.artist}\u0000${track.album}`).includes(needle),
    );
  }
  if (sort === 'playlist') return rows;
  const by: Record<Exclude<TrackSort, 'playlist'>, (a: Track, b: Track) => number> = {
    title: (a, b) => collator.compare(a.title, b.title),
    artist: (a, b) =>
      collator.compare(a.artist, b.artist) ||
      collator.compare(a.album, b.album) ||
      (a.index ?? 0) - (b.index ?? 0),
    album: (a, b) =>
      collator.compare(a.album, b.album) ||
      (a.disc ?? 0) - (b.disc ?? 0) ||
      (a.index ?? 0) - (b.index ?? 0),
    duration: (a, b) => (a.durationMs ?? Infinity) - (b.durationMs ?? Infinity),
  };
  const compare = by[sort];
  return [...rows].sort((a, b) => compare(a.track, b.track) || a.position - b.position);
}
