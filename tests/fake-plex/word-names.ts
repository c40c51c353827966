import { foldName } from './fold';

/**
 * Names made of one word from each of several lists, numbered in their sorted order: name `r`
 * takes its words from `r` read in mixed radix (the first list most significant). With each list
 * sorted, the names come out sorted too, so a server can answer "sorted by title, page 400" by
 * arithmetic instead of holding and sorting 150,000 names.
 */
export class WordNames {
  readonly size: number;
  private readonly lists: string[][];
  private readonly folded: string[][];

  constructor(
    lists: readonly (readonly string[])[],
    private readonly join: (words: string[]) => string,
  ) {
    this.lists = lists.map((l) => [...l].sort((a, b) => a.localeCompare(b)));
    this.folded = this.lists.map((l) => l.map(foldName));
    this.size = this.lists.reduce((n, l) => n * l.length, 1);
  }

  name(rank: number): string {
    const words: string[] = [];
    let rest = rank;
    for (let c = this.lists.length - 1; c >= 0; c -= 1) {
      const list = this.lists[c] ?? [];
      words.unshift(list[rest % list.length] ?? '');
      rest = Math.floor(rest / list.length);
    }
    return this.join(words);
  }

  /**
   * The first `limit` ranks whose words contain every token of the query (case and accents folded), in
   * name order. A walk over the word lists that drops a branch as soon as its remaining lists
   * can't supply a missing token: a few thousand steps at most, never one per name.
   */
  search(query: string, limit: number): number[] {
    const tokens = foldName(query).split(/\s+/).filter(Boolean).slice(0, 30);
    if (tokens.length === 0) return [];
    const all = (1 << tokens.length) - 1;
    // Tokens in the text every name shares ("&", "the" of "Ada & the Anchors") match every name.
    const shared = foldName(this.join(this.lists.map(() => ' ')));
    const given = tokens.reduce((m, t, i) => (shared.includes(t) ? m | (1 << i) : m), 0);
    const masks = this.folded.map((list) =>
      list.map((w) => tokens.reduce((m, t, i) => (w.includes(t) ? m | (1 << i) : m), 0)),
    );
    // What the lists from c on can still supply, at best.
    const reach = masks.map((_, c) =>
      masks.slice(c).reduce((m, list) => list.reduce((x, y) => x | y, m), 0),
    );
    const found: number[] = [];
    const walk = (c: number, prefix: number, have: number) => {
      if (found.length >= limit) return;
      const list = masks[c];
      if (!list) {
        if (have === all) found.push(prefix);
        return;
      }
      if ((have | (reach[c] ?? 0)) !== all) return;
      for (let i = 0; i < list.length && found.length < limit; i += 1)
        walk(c + 1, prefix * list.length + i, have | (list[i] ?? 0));
    };
    walk(0, 0, given);
    return found;
  }
}
