import { storageName } from './storage-names';

/**
 * The saved queries a start reads first (the first screen's list), remembered for the next start,
 * which reads them from IndexedDB at boot, beside the app's code, instead of once the screen has
 * rendered and asked (docs/decisions/022: the offline cold start). Keys are query hashes (user and
 * server ids), as IndexedDB already holds them: nothing secret.
 */
const REMEMBER = 3;
/** Reads after this long into the page are a user's doing, not the start's. */
const START_MS = 5_000;

const localKey = () => storageName('first-reads');

export function createFirstReads<T>(read: (key: string) => Promise<T | undefined>) {
  let early = new Map<string, Promise<T | undefined>>();
  const seen: string[] = [];
  let warmed = false;

  return {
    /**
     * At boot: the keys the last start read first, read now. Says whether there were any: only a
     * signed-in start reads lists, and sign-out forgets them, so boot can fetch the signed-in
     * screens' code before the sealed session is opened.
     */
    warm(): boolean {
      if (warmed) return early.size > 0;
      warmed = true;
      let keys: unknown;
      try {
        keys = JSON.parse(localStorage.getItem(localKey()) ?? '[]');
      } catch {
        return false;
      }
      if (!Array.isArray(keys)) return false;
      for (const key of keys.slice(0, REMEMBER))
        if (typeof key === 'string')
          early.set(
            key,
            read(key).catch(() => undefined),
          );
      return early.size > 0;
    },
    /** A read: the early one if there is one (used once), else from storage now. */
    read(key: string): Promise<T | undefined> {
      const warmed = early.get(key);
      early.delete(key);
      if (seen.length < REMEMBER && performance.now() < START_MS && !seen.includes(key)) {
        seen.push(key);
        try {
          localStorage.setItem(localKey(), JSON.stringify(seen));
        } catch {
          // Storage full or refused: the next start reads as this one did.
        }
      }
      return warmed ?? read(key);
    },
    /** The early reads, handed over whole (to put in the cache before the first render). */
    take(): Array<Promise<T | undefined>> {
      const reads = [...early.values()];
      early = new Map();
      return reads;
    },
    /** Written or removed since: an early read would be out of date. */
    changed(key: string): void {
      early.delete(key);
    },
    /** Sign-out: nothing of the account's remains, these keys included. */
    forget(): void {
      early = new Map();
      try {
        localStorage.removeItem(localKey());
      } catch {
        // Nothing to do.
      }
    },
  };
}
