import * as v from 'valibot';
import type { PersistStorage, StorageValue } from 'zustand/middleware';

/**
 * What every persisted zustand store declares (docs/decisions/013): its version, the steps
 * that bring an older version's state up to date, and the shape it must have once read. State
 * that is unreadable (a newer build's, a corrupt or half-written one) is dropped, and the store
 * starts from its defaults, instead of loading garbage into the app or throwing at start.
 */
export interface PersistedShape<T> {
  /** The version written now. Bump it with a step when the persisted shape changes. */
  version: number;
  /** `steps[n]` turns version n's state into version n + 1's. */
  steps?: Record<number, (state: Record<string, unknown>) => Record<string, unknown>>;
  schema: v.GenericSchema<unknown, T>;
  /** Told when stored state was dropped (tests, and stores that must say so). */
  onDropped?(why: 'newer' | 'unreadable'): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A store's storage that never writes over a newer build's state. An old tab left open after an
 * update (decision 017) reads the new version's data as "newer" and keeps its defaults in memory;
 * without this, its next change would write those defaults, a token-less session among them, over
 * what the new version stored. Removing still works: a sign-out must wipe whatever is there.
 */
function guarded<P>(storage: PersistStorage<P>, version: number): PersistStorage<P> {
  let newerOnDisk = false;
  return {
    getItem: async (name) => {
      const stored = await storage.getItem(name);
      newerOnDisk = typeof stored?.version === 'number' && stored.version > version;
      return stored;
    },
    setItem: (name, value: StorageValue<P>) =>
      newerOnDisk ? undefined : storage.setItem(name, value),
    removeItem: (name) => {
      newerOnDisk = false;
      return storage.removeItem(name);
    },
  };
}

/**
 * zustand `persist` options from a shape, for the store's state type `S` and its storage (of the
 * persisted part, `P`):
 * `version`, `migrate` (runs the steps), `merge` (validates every load, migrated or not) and the
 * storage, guarded against writing over a newer version. Hydration waits for an explicit
 * `rehydrate()` (main.tsx), after the storage names are settled (lib/storage-names.ts): a store
 * that read at import time would open a database under a name that isn't decided yet.
 */
export const persistedShape =
  <T extends object>(shape: PersistedShape<T>) =>
  <S, P = unknown>(storage: PersistStorage<P> | undefined) => {
    const { version, steps = {}, schema, onDropped } = shape;
    const dropped = Symbol('dropped');
    return {
      version,
      skipHydration: true,
      storage: storage && guarded(storage, version),
      migrate(persisted: unknown, from: number): S {
        if (from > version) {
          onDropped?.('newer');
          return { [dropped]: true } as S;
        }
        let state = isRecord(persisted) ? persisted : {};
        for (let n = from; n < version; n += 1) state = steps[n]?.(state) ?? state;
        return state as S;
      },
      merge(persisted: unknown, current: S): S {
        if (isRecord(persisted) && dropped in persisted) return current;
        const parsed = v.safeParse(schema, persisted);
        if (!parsed.success) {
          if (persisted !== undefined) onDropped?.('unreadable');
          return current;
        }
        return { ...current, ...parsed.output };
      },
    };
  };
