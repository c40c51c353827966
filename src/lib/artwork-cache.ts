/**
 * Artwork held in memory as blob: URLs (docs/decisions/015): an <img> of a Plex URL would write
 * the server's token into the HTTP cache, the console and the performance timeline. Keys never
 * hold the token (server + size + path). Entries in use are never evicted; unused ones stay for
 * a quick scroll back until the budget pushes the oldest out, and their URLs are revoked then.
 * Fetches run a few at a time: a fast scroll through 20,000 rows mounts and unmounts hundreds
 * of covers, and one that leaves before its turn (or while loading) is dropped or aborted.
 */

export type ArtworkState =
  { status: 'loading' } | { status: 'ready'; url: string; type: string } | { status: 'failed' };

export type ArtworkLoad = (signal: AbortSignal) => Promise<Blob>;
type Listener = (state: ArtworkState) => void;

interface Entry {
  key: string;
  state: ArtworkState;
  bytes: number;
  refs: number;
  listeners: Set<Listener>;
  /** Set while waiting for a slot. */
  load: ArtworkLoad | null;
  /** Set while fetching: aborting it frees its slot at once. */
  stop: (() => void) | null;
  failedAt: number;
}

export interface ArtworkCacheOptions {
  /** Entries kept, in use or not (in use ones are never evicted). */
  maxEntries?: number;
  maxBytes?: number;
  /** Fetches at once: room is left for the API and the audio on the same server. */
  concurrency?: number;
  /** A failure is remembered this long, so rows sharing a broken cover don't refetch it. */
  retryFailedAfterMs?: number;
  createUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
  now?: () => number;
}

const LOADING: ArtworkState = { status: 'loading' };
const FAILED: ArtworkState = { status: 'failed' };

export class ArtworkCache {
  private readonly entries = new Map<string, Entry>(); // oldest use first
  private queue: Entry[] = [];
  private running = 0;
  private bytes = 0;
  private readonly o: Required<ArtworkCacheOptions>;

  constructor(options: ArtworkCacheOptions = {}) {
    this.o = {
      maxEntries: 400,
      maxBytes: 40 * 1024 * 1024,
      concurrency: 4,
      retryFailedAfterMs: 30_000,
      createUrl: (blob) => URL.createObjectURL(blob),
      revokeUrl: (url) => URL.revokeObjectURL(url),
      now: () => performance.now(),
      ...options,
    };
  }

  /** What is known of this image now (for a first render without a flash of placeholder). */
  peek(key: string): ArtworkState | undefined {
    const entry = this.entries.get(key);
    if (entry?.state.status === 'failed' && this.retryDue(entry)) return undefined;
    return entry?.state;
  }

  /**
   * Asks for an image: `listener` hears its state now and on every change. The returned function
   * lets it go (call it once the image is no longer shown).
   */
  want(key: string, load: ArtworkLoad, listener: Listener, urgent = false): () => void {
    let entry = this.entries.get(key);
    if (entry && entry.state.status === 'failed' && entry.refs === 0 && this.retryDue(entry)) {
      this.drop(entry);
      entry = undefined;
    }
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      entry = {
        key,
        state: LOADING,
        bytes: 0,
        refs: 0,
        listeners: new Set(),
        load,
        stop: null,
        failedAt: 0,
      };
      this.entries.set(key, entry);
      this.queue.push(entry);
    }
    if (urgent && entry.load) {
      this.queue = [entry, ...this.queue.filter((e) => e !== entry)];
    }
    entry.refs += 1;
    entry.listeners.add(listener);
    listener(entry.state);
    this.pump();
    const held = entry;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(held, listener);
    };
  }

  /** Drops everything: in-flight fetches aborted, every URL revoked (sign-out). */
  clear(): void {
    const all = [...this.entries.values()];
    this.entries.clear();
    this.queue = [];
    this.bytes = 0;
    for (const entry of all) {
      entry.stop?.();
      if (entry.state.status === 'ready') this.o.revokeUrl(entry.state.url);
      entry.state = FAILED;
      for (const listener of entry.listeners) listener(FAILED);
    }
    this.running = 0;
  }

  /** The network is back: failures may have been its absence, so the next ask tries again. */
  forgetFailures(): void {
    for (const entry of this.entries.values())
      if (entry.state.status === 'failed') entry.failedAt = Number.NEGATIVE_INFINITY;
  }

  /** For tests and diagnostics: how much is held. */
  stats(): { entries: number; bytes: number; running: number; queued: number } {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      running: this.running,
      queued: this.queue.length,
    };
  }

  private retryDue(entry: Entry): boolean {
    return this.o.now() - entry.failedAt >= this.o.retryFailedAfterMs;
  }

  private release(entry: Entry, listener: Listener): void {
    entry.listeners.delete(listener);
    entry.refs -= 1;
    if (entry.refs > 0 || this.entries.get(entry.key) !== entry) return;
    // Nobody waits for it any more: a row that scrolled away before its cover arrived.
    if (entry.state.status === 'loading') {
      this.drop(entry);
      this.pump();
    } else this.trim();
  }

  private drop(entry: Entry): void {
    this.entries.delete(entry.key);
    if (entry.load) this.queue = this.queue.filter((e) => e !== entry);
    entry.load = null;
    entry.stop?.();
    if (entry.state.status === 'ready') {
      this.o.revokeUrl(entry.state.url);
      this.bytes -= entry.bytes;
    }
  }

  /** Oldest unused entries out until within budget. */
  private trim(): void {
    const over = () => this.entries.size > this.o.maxEntries || this.bytes > this.o.maxBytes;
    for (const entry of this.entries.values()) {
      if (!over()) return;
      if (entry.refs === 0 && entry.state.status !== 'loading') this.drop(entry);
    }
  }

  private pump(): void {
    while (this.running < this.o.concurrency) {
      const entry = this.queue.shift();
      if (!entry) return;
      this.start(entry);
    }
  }

  private start(entry: Entry): void {
    const load = entry.load;
    if (!load) return;
    entry.load = null;
    const controller = new AbortController();
    let holding = true;
    const free = () => {
      if (!holding) return;
      holding = false;
      entry.stop = null;
      this.running -= 1;
    };
    entry.stop = () => {
      free();
      controller.abort();
    };
    this.running += 1;
    load(controller.signal).then(
      (blob) => this.settle(entry, blob, free),
      () => this.settle(entry, null, free),
    );
  }

  private settle(entry: Entry, blob: Blob | null, free: () => void): void {
    const current = this.entries.get(entry.key) === entry;
    free();
    if (current) {
      if (blob) {
        entry.state = { status: 'ready', url: this.o.createUrl(blob), type: blob.type };
        entry.bytes = blob.size;
        this.bytes += blob.size;
      } else {
        entry.state = FAILED;
        entry.failedAt = this.o.now();
      }
      for (const listener of entry.listeners) listener(entry.state);
      this.trim();
    }
    this.pump();
  }
}
