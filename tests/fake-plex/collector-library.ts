import { audioFiles, type AudioFile } from './audio-files';
import { ADJECTIVES, ALBUM_SUFFIXES, FIRST_NAMES, GERUNDS, NOUNS } from './collector-words';
import type {
  FakeLibrary,
  ItemList,
  LibAlbum,
  LibArtist,
  LibPlaylist,
  LibraryLookups,
  LibTrack,
  SortOrder,
} from './library-types';
import { WordNames } from './word-names';

/**
 * The Collector's Server: 5,000 artists, 30,000 albums, 150,000 tracks and 400 playlists, each
 * computed from its index when asked for. Nothing is held but a few small tables, so the fake
 * stays small and every list is paged as a real server pages it (issue 15).
 */
export const COLLECTOR_SIZE = { artists: 5_000, albums: 30_000, tracks: 150_000, playlists: 400 };
export const COLLECTOR_SECTION = '1';
/** Key ranges, clear of the Living Room's (ratingKeys 1000–1100 and 9001–9007, parts 5000+). */
const KEY = { artist: 100_000, album: 200_000, track: 300_000, playlist: 60_000, part: 1_000_000 };
const BASE_ADDED = 1_700_000_000;
const BIG_PLAYLIST = 200;

const artistNames = new WordNames([FIRST_NAMES, NOUNS], ([a, b]) => `${a} & the ${b}`);
const albumNames = new WordNames(
  [ADJECTIVES, NOUNS, ALBUM_SUFFIXES],
  ([a, n, s]) => `${a} ${n}${s}`,
);
const trackNames = new WordNames([GERUNDS, ADJECTIVES, NOUNS], ([g, a, n]) => `${g} ${a} ${n}`);
if (
  artistNames.size !== COLLECTOR_SIZE.artists ||
  albumNames.size !== COLLECTOR_SIZE.albums ||
  trackNames.size !== COLLECTOR_SIZE.tracks
)
  throw new Error('the Collector word lists no longer make 5,000 / 30,000 / 150,000 names');

function hash(n: number, seed: number): number {
  let x = Math.imul(n ^ Math.imul(seed, 0x27d4eb2d), 0x9e3779b1);
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  return x >>> 0;
}

function inverse(a: number, n: number): number {
  let [r0, r1, s0, s1] = [n, a % n, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % n) + n) % n;
}

/** A fixed shuffle of 0…n-1 (i → a·i + b mod n, a prime to n), reversible by arithmetic. */
function shuffle(n: number, a: number, b: number) {
  const inv = inverse(a, n);
  return { to: (i: number) => (a * i + b) % n, from: (r: number) => (((r - b + n) % n) * inv) % n };
}
const albumTitleRank = shuffle(COLLECTOR_SIZE.albums, 7_001, 12_345);
const albumAddedRank = shuffle(COLLECTOR_SIZE.albums, 11_003, 777);
const trackTitleRank = shuffle(COLLECTOR_SIZE.tracks, 7_919, 54_321);
const artistAddedRank = shuffle(COLLECTOR_SIZE.artists, 3_001, 99);

/**
 * Children per parent that vary (2–10 albums an artist, 2–8 tracks an album) yet add up to an
 * exact total: parents 2k and 2k+1 share `2 × mean` children between them, so where a parent's
 * children start is arithmetic too.
 */
function pairedCounts(mean: number, spread: number, seed: number) {
  const first = (k: number) => mean - spread + (hash(k, seed) % (2 * spread + 1));
  const start = (p: number) => 2 * mean * (p >> 1) + (p & 1 ? first(p >> 1) : 0);
  const count = (p: number) => (p & 1 ? 2 * mean - first(p >> 1) : first(p >> 1));
  const owner = (c: number) => {
    const k = Math.floor(c / (2 * mean));
    return c - 2 * mean * k < first(k) ? 2 * k : 2 * k + 1;
  };
  return { start, count, owner };
}
const albumsOfArtist = pairedCounts(6, 4, 1);
const tracksOfAlbum = pairedCounts(5, 3, 2);

const files = audioFiles;
const fileOf = (t: number) => files[t % files.length] as AudioFile;

const indexOf = (key: string, base: number, size: number) => {
  const n = Number(key);
  return Number.isInteger(n) && n >= base && n < base + size ? n - base : -1;
};

export function createCollectorLibrary(now = Date.now()): FakeLibrary {
  const ratings = new Map<string, number>();

  const artistAt = (i: number): LibArtist => ({
    ratingKey: String(KEY.artist + i),
    sectionKey: COLLECTOR_SECTION,
    title: artistNames.name(i),
    summary: `${albumsOfArtist.count(i)} albums in the collection.`,
    addedAt: BASE_ADDED + artistAddedRank.to(i) * 600,
  });
  const albumAt = (j: number): LibAlbum => {
    const artist = albumsOfArtist.owner(j);
    return {
      ratingKey: String(KEY.album + j),
      sectionKey: COLLECTOR_SECTION,
      artistKey: String(KEY.artist + artist),
      title: albumNames.name(albumTitleRank.to(j)),
      // An artist's albums in index order are oldest first, two years apart.
      year: 1960 + (hash(artist, 3) % 40) + 2 * (j - albumsOfArtist.start(artist)),
      addedAt: BASE_ADDED + albumAddedRank.to(j) * 1800,
    };
  };
  const trackAt = (t: number): LibTrack => {
    const album = tracksOfAlbum.owner(t);
    const artist = albumsOfArtist.owner(album);
    const key = String(KEY.track + t);
    return {
      ratingKey: key,
      sectionKey: COLLECTOR_SECTION,
      albumKey: String(KEY.album + album),
      title: trackNames.name(trackTitleRank.to(t)),
      trackArtist:
        t % 23 === 7
          ? `${artistNames.name(artist)} feat. ${artistNames.name((artist + 1) % COLLECTOR_SIZE.artists)}`
          : undefined,
      index: t - tracksOfAlbum.start(album) + 1,
      disc: 1,
      file: fileOf(t),
      partId: KEY.part + t,
      addedAt: BASE_ADDED + albumAddedRank.to(album) * 1800,
      userRating: ratings.get(key),
    };
  };

  const lists = createSortedLists({ artistAt, albumAt, trackAt });
  const playlists = createPlaylists(trackAt, now);
  const inSection = <T>(section: string, list: ItemList<T>): ItemList<T> =>
    section === COLLECTOR_SECTION ? list : { length: 0, at: list.at };
  const range = (start: number, count: number) =>
    Array.from({ length: count }, (_, n) => start + n);

  const find: LibraryLookups = {
    artist: (key) => {
      const i = indexOf(key, KEY.artist, COLLECTOR_SIZE.artists);
      return i < 0 ? undefined : artistAt(i);
    },
    album: (key) => {
      const j = indexOf(key, KEY.album, COLLECTOR_SIZE.albums);
      return j < 0 ? undefined : albumAt(j);
    },
    track: (key) => {
      const t = indexOf(key, KEY.track, COLLECTOR_SIZE.tracks);
      return t < 0 ? undefined : trackAt(t);
    },
    trackOfPart: (id) => {
      const t = indexOf(String(id), KEY.part, COLLECTOR_SIZE.tracks);
      return t < 0 ? undefined : trackAt(t);
    },
    albumsOf: (key) => {
      const i = indexOf(key, KEY.artist, COLLECTOR_SIZE.artists);
      if (i < 0) return [];
      return range(albumsOfArtist.start(i), albumsOfArtist.count(i)).map(albumAt);
    },
    tracksOf: (key) => {
      const j = indexOf(key, KEY.album, COLLECTOR_SIZE.albums);
      if (j < 0) return [];
      return range(tracksOfAlbum.start(j), tracksOfAlbum.count(j)).map(trackAt);
    },
    trackCount: (key) => {
      const j = indexOf(key, KEY.album, COLLECTOR_SIZE.albums);
      return j < 0 ? 0 : tracksOfAlbum.count(j);
    },
    artists: (section, sort) => inSection(section, lists.artists(sort)),
    albums: (section, sort) => inSection(section, lists.albums(sort)),
    tracks: (section, sort) => inSection(section, lists.tracks(sort)),
    search(query, section, limit) {
      if (section !== null && section !== COLLECTOR_SECTION)
        return { artists: [], albums: [], tracks: [] };
      return {
        artists: artistNames.search(query, limit).map(artistAt),
        albums: albumNames.search(query, limit).map((r) => albumAt(albumTitleRank.from(r))),
        tracks: trackNames.search(query, limit).map((r) => trackAt(trackTitleRank.from(r))),
      };
    },
    rate(key, rating) {
      if (indexOf(key, KEY.track, COLLECTOR_SIZE.tracks) < 0) return false;
      if (rating === undefined) ratings.delete(key);
      else ratings.set(key, rating);
      return true;
    },
  };
  return { artists: [], albums: [], tracks: [], playlists, scanningUntil: new Map(), find };
}

interface Makers {
  artistAt(i: number): LibArtist;
  albumAt(j: number): LibAlbum;
  trackAt(t: number): LibTrack;
}

/** Each sort as arithmetic over the indexes; `:desc` reads the same list from its end. */
function createSortedLists({ artistAt, albumAt, trackAt }: Makers) {
  const ordered = <T>(length: number, at: (p: number) => T, desc: boolean): ItemList<T> => ({
    length,
    at: (p) => at(desc ? length - 1 - p : p),
  });
  // Tracks by album or by date added go album by album in that album order: where each album's
  // tracks start in it, 30,000 numbers, made the first time that sort is asked for.
  const starts = new Map<string, Int32Array>();
  const startsIn = (name: string, albumAtRank: (r: number) => number) => {
    let found = starts.get(name);
    if (!found) {
      found = new Int32Array(COLLECTOR_SIZE.albums + 1);
      for (let r = 0; r < COLLECTOR_SIZE.albums; r += 1)
        found[r + 1] = (found[r] ?? 0) + tracksOfAlbum.count(albumAtRank(r));
      starts.set(name, found);
    }
    return found;
  };
  const trackInAlbumOrder = (name: string, albumAtRank: (r: number) => number) => (p: number) => {
    const s = startsIn(name, albumAtRank);
    let [lo, hi] = [0, COLLECTOR_SIZE.albums - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] ?? 0) <= p) lo = mid;
      else hi = mid - 1;
    }
    const album = albumAtRank(lo);
    return trackAt(tracksOfAlbum.start(album) + p - (s[lo] ?? 0));
  };
  const { artists, albums, tracks } = COLLECTOR_SIZE;
  return {
    artists: (sort: SortOrder) =>
      ordered(
        artists,
        sort.by === 'added' ? (p) => artistAt(artistAddedRank.from(p)) : artistAt,
        sort.desc,
      ),
    albums: (sort: SortOrder) =>
      ordered(
        albums,
        sort.by === 'added'
          ? (p) => albumAt(albumAddedRank.from(p))
          : sort.by === 'artist'
            ? albumAt
            : (p) => albumAt(albumTitleRank.from(p)),
        sort.desc,
      ),
    tracks: (sort: SortOrder) =>
      ordered(
        tracks,
        sort.by === 'title'
          ? (p) => trackAt(trackTitleRank.from(p))
          : sort.by === 'artist'
            ? trackAt
            : sort.by === 'album'
              ? trackInAlbumOrder('album', albumTitleRank.from)
              : trackInAlbumOrder('added', albumAddedRank.from),
        sort.desc,
      ),
  };
}

/** 400 playlists, sorted by title, one of them 20,000 tracks long; items made when asked for. */
function createPlaylists(trackAt: (t: number) => LibTrack, now: number): LibPlaylist[] {
  const updated = Math.floor(now / 1000);
  const made = Array.from({ length: COLLECTOR_SIZE.playlists }, (_, k): LibPlaylist => {
    const adjective = ADJECTIVES[k % ADJECTIVES.length] ?? '';
    const noun = NOUNS[(13 * Math.floor(k / ADJECTIVES.length) + 7 * k) % NOUNS.length] ?? '';
    const big = k === BIG_PLAYLIST;
    const first = hash(k, 6) % COLLECTOR_SIZE.tracks;
    return {
      ratingKey: String(KEY.playlist + k),
      title: big ? 'The Long Haul × 20,000' : `${adjective} ${noun}`,
      summary: big ? 'Twenty thousand tracks from across the collection.' : '',
      smart: k % 25 === 3,
      updatedAt: updated - k * 3600,
      size: big ? 20_000 : 5 + (hash(k, 5) % 296),
      // A stride prime to 150,000: no track twice in one playlist.
      itemAt: (i) => trackAt((first + i * 104_729) % COLLECTOR_SIZE.tracks),
    };
  });
  return made.sort((a, b) => a.title.localeCompare(b.title));
}
