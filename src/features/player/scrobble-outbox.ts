import { idbGet, idbSet } from '../../lib/idb';

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
const MAX = 500;

export function createScrobbleOutbox(
  send: (scrobble: PendingScrobble) => Promise<void>,
  storage = {
    get: () => idbGet<PendingScrobble[]>(KEY),
    set: (v: PendingScrobble[]) => idbSet(KEY, v),
  },
) {
  let flushing: Promise<void> | null = null;
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
        await edit((list) => [...list, scrobble].slice(-MAX));
        throw error;
      }
    },
    /** Sends what was kept, oldest first; stops at the first failure (still offline). */
    flush(): Promise<void> {
      flushing ??= (async () => {
        await chain;
        const list = (await storage.get()) ?? [];
        let sent = 0;
        for (const item of list) {
          try {
            await send(item);
            sent += 1;
          } catch {
            break;
          }
        }
        if (sent > 0) await edit((now) => now.slice(sent));
      })().finally(() => (flushing = null));
      return flushing;
    },
  };
}
