import {
  dehydrate,
  hydrate,
  matchMutation,
  type Mutation,
  type QueryClient,
} from '@tanstack/react-query';
import * as v from 'valibot';
import { idbRead, idbSet } from './idb';
import { SAVED_WRITES_KEY, writeKeys, type WriteKind } from './server-writes';

export { SAVED_WRITES_KEY };

/**
 * Writes to a server that haven't been answered yet (paused offline, or on their way), kept on
 * the device so a reload or a closed tab doesn't lose them: TanStack's `dehydrate` with
 * `shouldDehydrateMutation`, and `hydrate` + `resumePausedMutations` at the next start
 * (examples/react/offline). Only the variables and the undo are kept: ids and numbers, no token.
 */
/** A write older than this is dropped unsent: a week-old rating may no longer be wanted. */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;
/** Bounded like the scrobble outbox: months offline don't grow it without end. */
const MAX_SAVED = 500;

const savedWrite = v.object({
  kind: v.picklist(['rate', 'scan']),
  variables: v.looseObject({ userId: v.number(), serverId: v.string() }),
  context: v.optional(v.unknown()),
  scope: v.optional(v.object({ id: v.string() })),
  submittedAt: v.number(),
});
type SavedWrite = v.InferOutput<typeof savedWrite>;

const kindOf = (mutation: Mutation): WriteKind | null =>
  matchMutation({ mutationKey: writeKeys.rate }, mutation)
    ? 'rate'
    : matchMutation({ mutationKey: writeKeys.scan }, mutation)
      ? 'scan'
      : null;

/** Unanswered writes: paused ones, and ones on their way (both writes are safe to send twice). */
function unanswered(queryClient: QueryClient): SavedWrite[] {
  const state = dehydrate(queryClient, {
    shouldDehydrateQuery: () => false,
    shouldDehydrateMutation: (m) => m.state.status === 'pending' && kindOf(m) !== null,
  });
  return state.mutations.flatMap((m) => {
    const kind = m.mutationKey?.[1];
    const parsed = v.safeParse(savedWrite, {
      kind,
      variables: m.state.variables,
      context: m.state.context,
      scope: m.scope,
      submittedAt: m.state.submittedAt,
    });
    return parsed.success ? [parsed.output] : [];
  });
}

export interface SavedWrites {
  /** Puts back the saved writes for this user and server, paused, and sends them when online. */
  restore(
    scope: { userId: number; serverId: string },
    restored: (kind: WriteKind, variables: unknown) => void,
  ): Promise<void>;
  stop(): void;
}

/**
 * Saves the unanswered writes whenever one starts, pauses or ends. Writes for another server or
 * user wait on the device until that one is connected.
 */
export function watchSavedWrites(queryClient: QueryClient): SavedWrites {
  let loaded: Promise<SavedWrite[]> | null = null;
  const load = () =>
    (loaded ??= idbRead(SAVED_WRITES_KEY, v.array(savedWrite)).then((all) =>
      (all ?? []).filter((w) => Date.now() - w.submittedAt < MAX_AGE_MS),
    ));
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    timer = null;
    const now = unanswered(queryClient);
    // Those not put back yet stay: a write made before the restore must not overwrite them.
    void load()
      .then((held) => idbSet(SAVED_WRITES_KEY, [...held, ...now].slice(-MAX_SAVED)))
      .catch(() => undefined);
  };
  const unsubscribe = queryClient.getMutationCache().subscribe((event) => {
    // Not on removal: that is a settled write let go, or the sign-out's wipe (which a save
    // made after it would undo).
    if (event.type === 'removed' || !event.mutation || !kindOf(event.mutation)) return;
    // Once per task, not once per state change: a write goes pending, paused and on in one go.
    timer ??= setTimeout(save, 0);
  });

  // Writes made before this watched (it loads after the first paint) are saved too.
  if (unanswered(queryClient).length > 0) timer = setTimeout(save, 0);

  return {
    async restore(scope, restored) {
      const all = await load();
      const mine = (w: SavedWrite) =>
        w.variables.userId === scope.userId && w.variables.serverId === scope.serverId;
      // Already here (the app was signed back in without a reload): not put back twice.
      const here = new Set(unanswered(queryClient).map((w) => JSON.stringify(w)));
      const now = all.filter((w) => mine(w) && !here.has(JSON.stringify(w)));
      // Taken out of the held list once: a second connection to this server doesn't resend them.
      loaded = Promise.resolve(all.filter((w) => !mine(w)));
      if (now.length === 0) return;
      hydrate(queryClient, {
        mutations: now.map((w) => ({
          mutationKey: writeKeys[w.kind],
          scope: w.scope,
          state: {
            context: w.context,
            data: undefined,
            error: null,
            failureCount: 0,
            failureReason: null,
            isPaused: true,
            status: 'pending',
            variables: w.variables,
            submittedAt: w.submittedAt,
          },
        })),
      });
      for (const w of now) restored(w.kind, w.variables);
      await queryClient.resumePausedMutations();
    },
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
