import type { Album, Artist, SearchResults, Track } from '../../domain';
import { foldForSearch } from './fold';

type Kind = keyof SearchResults;
type ItemOf<K extends Kind> = SearchResults[K][number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
const isTrack = (x: Record<string, unknown>): x is Record<string, unknown> & Track =>
  'media' in x && typeof x.id === 'string' && typeof x.title === 'string';
const isAlbum = (x: Record<string, unknown>): x is Record<string, unknown> & Album =>
  !('media' in x) &&
  !('smart' in x) &&
  typeof x.id === 'string' &&
  typeof x.artist === 'string' &&
  typeof x.title === 'string';
const isArtist = (x: Record<string, unknown>): x is Record<string, unknown> & Artist =>
  typeof x.id === 'string' &&
  typeof x.title === 'string' &&
  !('artist' in x) &&
  !('smart' in x) &&
  !('media' in x);

/** Every item inside a saved query's data: lists, pages of lists, or a single item. */
function* itemsOf(data: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(data)) {
    for (const x of data) if (isRecord(x)) yield x;
  } else if (isRecord(data)) {
    if (Array.isArray(data.pages)) for (const page of data.pages) yield* itemsOf(page);
    else if (Array.isArray(data.items)) yield* itemsOf(data.items);
    else if (typeof data.id === 'string') yield data;
  }
}

/** Rank of a match: exact title, title prefix, word prefix, inside the title, words in the title, words anywhere. */
const RANKS = 6;
const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

/**
 * One kind's entries, their folded names joined into one string a line each: a query is a few
 * `indexOf` runs over it, jumping from match to match, instead of a test of every entry.
 */
class KindIndex<T> {
  readonly items: T[] = [];
  private titles: string[] = [];
  private alls: string[] = [];
  private joined: {
    titles: string;
    alls: string;
    starts: Int32Array;
    allStarts: Int32Array;
  } | null = null;

  add(item: T, title: string, all: string): void {
    this.items.push(item);
    this.titles.push(title);
    this.alls.push(all);
    this.joined = null;
  }

  join() {
    const starts = (parts: string[]) => {
      const out = new Int32Array(parts.length + 1);
      for (let i = 0; i < parts.length; i += 1)
        out[i + 1] = (out[i] ?? 0) + (parts[i]?.length ?? 0) + 1;
      return out;
    };
    this.joined ??= {
      titles: this.titles.join('\n'),
      alls: this.alls.join('\n'),
      starts: starts(this.titles),
      allStarts: starts(this.alls),
    };
    return this.joined;
  }

  /** The best `limit`, best first; the order they were added in breaks ties. */
  best(needle: string, words: string[], limit: number): T[] {
    const { titles, alls, starts, allStarts } = this.join();
    const entryAt = (offsets: Int32Array, at: number) => {
      let [lo, hi] = [0, offsets.length - 2];
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((offsets[mid] ?? 0) <= at) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // Each entry's best rank so far (RANKS: none), in entry order: no sort of the matches after.
    const ranked = new Uint8Array(this.items.length).fill(RANKS);
    // The whole query inside a title: ranks 0–3 by where.
    for (let at = titles.indexOf(needle); at >= 0;) {
      const i = entryAt(starts, at);
      const start = starts[i] ?? 0;
      const title = this.titles[i] ?? '';
      const r =
        at === start
          ? title.length === needle.length
            ? 0
            : 1
          : isWordChar(titles.charAt(at - 1))
            ? 3
            : 2;
      ranked[i] = Math.min(r, ranked[i] ?? RANKS);
      at =
        r === 3
          ? titles.indexOf(needle, at + 1)
          : titles.indexOf(needle, starts[i + 1] ?? titles.length);
    }
    // Every word somewhere: candidates are the entries holding the longest word.
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    for (let at = alls.indexOf(longest); at >= 0;) {
      const i = entryAt(allStarts, at);
      if (ranked[i] === RANKS) {
        const title = this.titles[i] ?? '';
        const all = this.alls[i] ?? '';
        if (words.length > 1 && words.every((w) => title.includes(w))) ranked[i] = 4;
        else if (words.every((w) => all.includes(w))) ranked[i] = 5;
      }
      at = alls.indexOf(longest, allStarts[i + 1] ?? alls.length);
    }
    // One bucket per rank, each capped at the limit: no sort of every match.
    const buckets: number[][] = Array.from({ length: RANKS }, () => []);
    ranked.forEach((r, i) => {
      const bucket = buckets[r];
      if (bucket && bucket.length < limit) bucket.push(i);
    });
    return buckets
      .flat()
      .slice(0, limit)
      .map((i) => this.items[i])
      .filter((x): x is T => x !== undefined);
  }
}

/**
 * Search over what PlexM8 has saved of one server: artists, albums and tracks from every saved
 * list, each once. Built and queried off the page (search-worker.ts).
 */
export class SearchIndex {
  private readonly kinds: { [K in Kind]: KindIndex<ItemOf<K>> } = {
    artists: new KindIndex(),
    albums: new KindIndex(),
    tracks: new KindIndex(),
  };
  private readonly seen = new Set<string>();
  /** Artists' and albums' names recur on every track of theirs: each is folded once. */
  private readonly folded = new Map<string, string>();

  get size(): number {
    return this.seen.size;
  }

  /** Adds every item of one saved query's data (a page, a list, an item). */
  addData(data: unknown): void {
    for (const x of itemsOf(data)) {
      if (isTrack(x)) this.add('tracks', x, [x.artist, x.album]);
      else if (isAlbum(x)) this.add('albums', x, [x.artist]);
      else if (isArtist(x)) this.add('artists', x, []);
    }
  }

  private add<K extends Kind>(kind: K, item: ItemOf<K>, more: string[]): void {
    const id = `${kind}:${item.id}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const title = foldForSearch(item.title);
    const all = more.length ? [title, ...more.map((m) => this.fold(m))].join('\u0000') : title;
    (this.kinds[kind] as KindIndex<ItemOf<K>>).add(item, title, all);
  }

  private fold(text: string): string {
    let found = this.folded.get(text);
    if (found === undefined) {
      found = foldForSearch(text);
      this.folded.set(text, found);
    }
    return found;
  }

  /** Joins the names up now, so the first query doesn't (tens of ms at 150,000 tracks). */
  prepare(): void {
    this.kinds.artists.join();
    this.kinds.albums.join();
    this.kinds.tracks.join();
  }

  /** The best `limit` of each kind, best first; the order they were saved in breaks ties. */
  query(query: string, limit: number): SearchResults {
    const needle = foldForSearch(query).trim();
    const results: SearchResults = { artists: [], albums: [], tracks: [] };
    if (!needle || limit <= 0) return results;
    const words = needle.split(' ');
    results.artists = this.kinds.artists.best(needle, words, limit);
    results.albums = this.kinds.albums.best(needle, words, limit);
    results.tracks = this.kinds.tracks.best(needle, words, limit);
    return results;
  }
}
