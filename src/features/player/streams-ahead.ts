import type { PlaybackSource } from './engine/audio-engine';
import type { SourceResult } from './playback-source';

/**
 * Transcoded streams made ahead of time (the next track, a track pressed on), by track and
 * quality, so the play that follows is handed the same stream rather than a second session.
 *
 * Several holders may share one stream at once — the preload that made it, a press, the play
 * that takes it over — and any of them may let go first (a preload overtaken by a skip, say).
 * So each holder gets its own handle, counted the moment it is handed out, and the session is
 * stopped only when the last handle is released.
 */
interface Shared {
  claim(): Promise<SourceResult>;
}

function shared(result: Promise<SourceResult>, unused: () => void): Shared {
  let holders = 0;
  return {
    claim() {
      holders += 1;
      let released = false;
      return result.then((r) => {
        if (!r.ok) {
          unused();
          return r;
        }
        const letGo = () => {
          if (released) return;
          released = true;
          holders -= 1;
          if (holders > 0) return;
          unused();
          r.source.release?.();
        };
        // A restart (a seek) is the same session: it is let go with the same handle.
        const handle = (source: PlaybackSource): PlaybackSource => ({
          ...source,
          release: letGo,
          restartAt: source.restartAt && ((ms: number) => handle(source.restartAt?.(ms) ?? source)),
        });
        return { ok: true, source: handle(r.source) };
      });
    },
  };
}

export function streamsAhead() {
  const ahead = new Map<string, Shared>();
  return {
    /**
     * A handle on the stream made ahead for `key`, or on a new one `make` starts (kept for the
     * next holder). `play` takes it out: a later play of the same track makes a stream of its own.
     */
    claim(
      key: string,
      make: () => SourceResult | Promise<SourceResult>,
      play: boolean,
    ): SourceResult | Promise<SourceResult> {
      const known = ahead.get(key);
      if (known) {
        if (play) ahead.delete(key);
        return known.claim();
      }
      const made = make();
      // A file, or a failure: nothing to share.
      if (play || !(made instanceof Promise)) return made;
      const entry = shared(made, () => {
        if (ahead.get(key) === entry) ahead.delete(key);
      });
      ahead.set(key, entry);
      return entry.claim();
    },
  };
}
