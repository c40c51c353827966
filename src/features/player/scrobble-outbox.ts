import * as v from 'valibot';
import { idbRead, idbSet } from '../../lib/idb';

/**
 * Plays that Plex hasn't heard of yet (made offline, from downloads): kept on the device and sent
 * when the server answers again, so play counts and history still come out right. Bounded: a
 * year offline doesn't grow it without end.
 */
export interface PendingScrobble {
  serverId: string;
  trackId: string;
}

const KEY = 'player-scrobbles-pending';
const pendingScrobble = v.object({ serverId: v.string(), trackId: v.string() });
const MAX = 500;

export function createScrobbleOutbox(
  send: (scrobble: PendingScrobble) => Promise<void>,
  storage = {
    get: () => idbRead(KEY, v.array(pendingScrobble)),
    set: (v: PendingScrobble[]) => idbSet(KEY, v),
  },
) {
  let flushing: Promise<void> | null = null;
  /** Whether anything may be waiting (unknown at start, so yes). */
  let mayHaveAny = true;
  let chain: Promise<unknown> = Promise.resolve();
  const edit = (change: (list: PendingScrobble[]) => PendingScrobble[]) => {
    chain = chain
      .then(async () => storage.set(change((await storage.get()) ?? [])))
      .catch(() => undefined);
    return chain;
  };

  return {
    /** Sends now; if that fails, keeps it for later. */
    async scrobble(scrobble: PendingScrobble): Promise<void> {
      try {
        await send(scrobble);
      } catch (error) {
        mayHaveAny = true;
        await edit((list) => [...list, scrobble].slice(-MAX));
        throw error;
      }
    },
    /** A flush, unless the outbox is known to be empty (called after each answered report). */
    flushIfAny(): void {
      if (mayHaveAny) void this.flush();
    },
    /** Sends what was kept, oldest first; stops at the first failure (still offline). */
    flush(): Promise<void> {
      flushing ??= (async () => {
        await chain;
        const list = (await storage.get()) ?? [];
        // Plays for another server (or one that still doesn't answer) wait; the rest go. New
        // plays only ever join at the end, so the first `list.length` stored are these.
        const sent = new Set<number>();
        for (const [i, item] of list.entries()) {
          try {
            await send(item);
            sent.add(i);
          } catch {
            // Kept for later.
          }
        }
        const left = list.length - sent.size;
        if (sent.size > 0) await edit((now) => now.filter((_, i) => !sent.has(i)));
        mayHaveAny = left > 0;
      })().finally(() => (flushing = null));
      return flushing;
    },
  };
}
