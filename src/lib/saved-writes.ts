import { hydrate, matchMutation, type Mutation, type QueryClient } from '@tanstack/react-query';
import * as v from 'valibot';
import { idbKeysStartingWith, idbReadLinked, idbWrite } from './idb';
import { SAVED_WRITES_KEY, SAVED_WRITES_PREFIX, writeKeys, type WriteKind } from './server-writes';

/**
 * Writes to a server that haven't been answered yet (paused offline, or on their way), kept on
 * the device so a reload or a closed tab doesn't lose them, and put back with `hydrate` +
 * `resumePausedMutations` at the next start (TanStack's examples/react/offline). Only the
 * variables and the undo are kept: ids and numbers, no token.
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
function unanswered(queryClient: QueryClient): Array<{ id: number; write: SavedWrite }> {
  return queryClient
    .getMutationCache()
    .getAll()
    .flatMap((m) => {
      const kind = kindOf(m);
      if (!kind || m.state.status !== 'pending') return [];
      const parsed = v.safeParse(savedWrite, {
        kind,
        variables: m.state.variables,
        context: m.state.context,
        scope: m.options.scope,
        submittedAt: m.state.submittedAt,
      });
      return parsed.success ? [{ id: m.mutationId, write: parsed.output }] : [];
    });
}

/**
 * Every write saved on the device, with its record's key. A list kept whole by an older version
 * (one key for all) becomes a record per write first, in one transaction.
 */
export async function savedWritesOnDevice(): Promise<Array<{ key: string; write: SavedWrite }>> {
  const keys = await idbKeysStartingWith(SAVED_WRITES_PREFIX);
  const { first } = await idbReadLinked([SAVED_WRITES_KEY, ...keys], () => []);
  const [legacy, ...records] = first;
  const found = records.flatMap((value, i) => {
    const parsed = v.safeParse(savedWrite, value);
    const key = keys[i];
    return parsed.success && key ? [{ key, write: parsed.output }] : [];
  });
  if (legacy === undefined) return found;
  const parsed = v.safeParse(v.array(savedWrite), legacy);
  const taken = (parsed.success ? parsed.output : []).map((write, i) => ({
    key: `${SAVED_WRITES_PREFIX}older-${Date.now()}-${i}`,
    write,
  }));
  await idbWrite(
    taken.map(({ key, write }) => [key, write] as const),
    [SAVED_WRITES_KEY],
  );
  return [...found, ...taken];
}

/**
 * The keys of one tab's writes: one per query client (a page has one), so a second watcher of the
 * same client (signed back in without a reload) knows the writes it holds as its own.
 */
const prefixes = new WeakMap<QueryClient, string>();
function prefixOf(queryClient: QueryClient): string {
  let prefix = prefixes.get(queryClient);
  if (!prefix)
    prefixes.set(queryClient, (prefix = `${SAVED_WRITES_PREFIX}${crypto.randomUUID()}/`));
  return prefix;
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
 * Saves the unanswered writes whenever one starts, pauses or ends: a record each, under this tab's
 * own keys, so that tabs never write over each other's (a tab closed offline keeps its writes on
 * the device). Writes for another server or user wait on the device until that one is connected;
 * whichever tab connects to it takes them.
 */
export function watchSavedWrites(queryClient: QueryClient): SavedWrites {
  const tabPrefix = prefixOf(queryClient);
  /** What this tab last wrote, by record key. */
  const written = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    timer = null;
    const now = unanswered(queryClient).slice(-MAX_SAVED);
    const puts: Array<readonly [string, SavedWrite]> = [];
    const keep = new Set<string>();
    for (const { id, write } of now) {
      const key = `${tabPrefix}${id}`;
      const json = JSON.stringify(write);
      keep.add(key);
      if (written.get(key) !== json) puts.push([key, write]);
      written.set(key, json);
    }
    const gone = [...written.keys()].filter((key) => !keep.has(key));
    for (const key of gone) written.delete(key);
    saving = saving.then(() => idbWrite(puts, gone)).catch(() => undefined);
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
      const all = await savedWritesOnDevice();
      const expired = all.filter(({ write }) => Date.now() - write.submittedAt >= MAX_AGE_MS);
      // This tab's own are here already (signed back in without a reload): not put back twice.
      const now = all.filter(
        ({ key, write }) =>
          !key.startsWith(tabPrefix) &&
          Date.now() - write.submittedAt < MAX_AGE_MS &&
          write.variables.userId === scope.userId &&
          write.variables.serverId === scope.serverId,
      );
      // Taken once: their records go, and they come back as this tab's own when it saves.
      await idbWrite(
        [],
        [...expired, ...now].map(({ key }) => key),
      ).catch(() => undefined);
      if (now.length === 0) return;
      hydrate(queryClient, {
        mutations: now.map(({ write: w }) => ({
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
      for (const { write: w } of now) restored(w.kind, w.variables);
      await queryClient.resumePausedMutations();
    },
    stop() {
      unsubscribe();
      if (timer) clearTimeout(timer);
    },
  };
}
