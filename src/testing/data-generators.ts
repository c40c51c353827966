import type { Album, Artist, Playlist, Track, TrackMedia } from '../domain';

/**
 * Shared fixture factories (only tests import src/testing: the boundaries lint says so). Each
 * returns a whole, valid object with deterministic values derived from its id, so two calls with
 * the same id give equal objects and a test states only what it is about:
 * `aTrack({ id: '7', media: { codec: 'flac' } })`, `someTracks(3)`.
 */

type TrackOverrides = Omit<Partial<Track>, 'media'> & {
  /** Merged over the default file; `null` for a track with no playable file. */
  media?: Partial<TrackMedia> | null;
};

/** The number an id ends in ('12', 'track:12' → 12), for part ids and keys; else 1. */
function numberIn(id: string): number {
  const digits = /(\d+)$/.exec(id)?.[1];
  return digits === undefined ? 1 : Number(digits);
}

/** A playable track: id '1' unless told, its file at `/library/parts/<n>/file.mp3`. */
export function aTrack(overrides: TrackOverrides = {}): Track {
  const { media, ...rest } = overrides;
  const id = rest.id ?? '1';
  const partId = media?.partId ?? numberIn(id);
  return {
    id,
    title: `Song ${id}`,
    artist: 'Artist',
    album: 'Album',
    durationMs: 180_000,
    ...rest,
    media:
      media === null ? null : { partId, partKey: `/library/parts/${partId}/file.mp3`, ...media },
  };
}

/** `count` tracks with ids '1'…'count' (or from `first`), each with `overrides` applied. */
export function someTracks(count: number, overrides: TrackOverrides = {}, first = 1): Track[] {
  return Array.from({ length: count }, (_, i) => aTrack({ ...overrides, id: String(first + i) }));
}

export function anAlbum(overrides: Partial<Album> = {}): Album {
  const id = overrides.id ?? '100';
  return { id, title: `Album ${id}`, artist: 'Artist', ...overrides };
}

export function anArtist(overrides: Partial<Artist> = {}): Artist {
  const id = overrides.id ?? '200';
  return { id, title: `Artist ${id}`, ...overrides };
}

/** A regular (not smart) playlist: id '300' unless told. */
export function aPlaylist(overrides: Partial<Playlist> = {}): Playlist {
  const id = overrides.id ?? '300';
  return { id, title: `Playlist ${id}`, smart: false, trackCount: 0, ...overrides };
}
