import * as v from 'valibot';

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
 * zustand `persist` options from a shape, for the store's state type `S`: `version`, `migrate`
 * (runs the steps) and `merge` (validates every load, migrated or not).
 */
export const persistedShape =
  <T extends object>(shape: PersistedShape<T>) =>
  <S>() => {
    const { version, steps = {}, schema, onDropped } = shape;
    const dropped = Symbol('dropped');
    return {
      version,
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
