import { foldName } from './fold';
import type {
  FakeLibrary,
  ItemList,
  LibAlbum,
  LibraryLookups,
  LibTrack,
  SortOrder,
} from './library-types';

type Held = Omit<FakeLibrary, 'find'>;

const list = <T>(values: T[]): ItemList<T> => ({
  length: values.length,
  at: (i) => values[i] as T,
});

const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
const byTrackOrder = (a: LibTrack, b: LibTrack) => a.disc - b.disc || a.index - b.index;

/**
 * Sorts a copy. `addedAt` compares each way (ties keep the library's order, as before sorts were
 * general); other orders are reversed whole for `:desc`.
 */
function sorted<T extends { addedAt: number }>(
  values: T[],
  sort: SortOrder,
  compare: (a: T, b: T) => number,
): T[] {
  const copy = [...values];
  if (sort.by === 'added')
    return copy.sort((a, b) => (b.addedAt - a.addedAt) * (sort.desc ? 1 : -1));
  copy.sort(compare);
  return sort.desc ? copy.reverse() : copy;
}

/** Lookups over a library held in arrays (the demo's): read live, so tests may change them. */
export function heldLookups(lib: Held): LibraryLookups {
  const artist = (key: string) => lib.artists.find((a) => a.ratingKey === key);
  const album = (key: string) => lib.albums.find((a) => a.ratingKey === key);
  const artistTitle = (al: LibAlbum | undefined) => artist(al?.artistKey ?? '')?.title ?? '';
  const byArtist = (a: LibAlbum, b: LibAlbum) =>
    artistTitle(a).localeCompare(artistTitle(b)) || a.year - b.year;
  const tracksOf = (albumKey: string) =>
    lib.tracks.filter((t) => t.albumKey === albumKey).sort(byTrackOrder);
  const inSection = <T extends { sectionKey: string }>(values: T[], key: string) =>
    values.filter((v) => v.sectionKey === key);

  function trackCompare(by: SortOrder['by']) {
    return (a: LibTrack, b: LibTrack) => {
      const [x, y] = [album(a.albumKey), album(b.albumKey)];
      if (by === 'title') return byTitle(a, b);
      if (by === 'album')
        return (x?.title ?? '').localeCompare(y?.title ?? '') || byTrackOrder(a, b);
      return (
        (x && y ? byArtist(x, y) : 0) || a.albumKey.localeCompare(b.albumKey) || byTrackOrder(a, b)
      );
    };
  }

  return {
    artist,
    album,
    track: (key) => lib.tracks.find((t) => t.ratingKey === key),
    trackOfPart: (id) => lib.tracks.find((t) => t.partId === id),
    albumsOf: (key) =>
      lib.albums.filter((a) => a.artistKey === key).sort((a, b) => a.year - b.year),
    tracksOf,
    trackCount: (key) => lib.tracks.filter((t) => t.albumKey === key).length,
    artists: (section, sort) => list(sorted(inSection(lib.artists, section), sort, byTitle)),
    albums: (section, sort) =>
      list(sorted(inSection(lib.albums, section), sort, sort.by === 'artist' ? byArtist : byTitle)),
    tracks: (section, sort) =>
      list(sorted(inSection(lib.tracks, section), sort, trackCompare(sort.by))),
    search(query, section, limit) {
      const q = foldName(query);
      const match = (v: { title: string; sectionKey: string }) =>
        q !== '' && foldName(v.title).includes(q) && (!section || section === v.sectionKey);
      return {
        artists: lib.artists.filter(match).slice(0, limit),
        albums: lib.albums.filter(match).slice(0, limit),
        tracks: lib.tracks.filter(match).slice(0, limit),
      };
    },
    rate(key, rating) {
      const track = lib.tracks.find((t) => t.ratingKey === key);
      if (track) track.userRating = rating;
      return track !== undefined;
    },
  };
}
