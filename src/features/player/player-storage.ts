import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { idbDeleteWithPrefix, idbKeysStartingWith, idbReadLinked, idbWrite } from '../../lib/idb';
import type { QueueItem, QueueState } from './queue';
import {
  entriesOf,
  forget,
  noRecords,
  ORDER_KEY,
  orderOf,
  planRecords,
  remember,
  TRACKS_PREFIX,
  type OrderRecord,
} from './queue-records';

type Stored = { queue: QueueState } & object;
type Main = { version?: number; state: Record<string, unknown> };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isOrder = (value: unknown): value is OrderRecord =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.index === 'number' &&
  [value.items, value.records].every(
    (a) => Array.isArray(a) && a.every((s) => typeof s === 'string'),
  ) &&
  (value.original === null ||
    (Array.isArray(value.original) && value.original.every((s) => typeof s === 'string')));
/** The order a player record goes with; undefined for one of version 2 and before. */
function orderIdOf(main: unknown): string | null | undefined {
  if (!isRecord(main) || !isRecord(main.state) || !isRecord(main.state.queue)) return undefined;
  const order = main.state.queue.order;
  return typeof order === 'string' || order === null ? order : undefined;
}
const entries = (value: unknown): QueueItem[] | undefined =>
  Array.isArray(value)
    ? value.filter((e): e is QueueItem => isRecord(e) && typeof e.uid === 'string')
    : undefined;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
let counter = 0;
/** Record keys carry their time: a record no order names, older than a minute, is garbage. */
const newKey = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}-${(counter += 1).toString(36)}`;
const GARBAGE_AFTER_MS = 60_000;

/** The player record without the entries: what a track change rewrites. */
function mainOf(value: StorageValue<Stored>, order: string | null): Main {
  const { queue, ...rest } = value.state;
  const { index, shuffle, repeat, origin } = queue;
  return {
    version: value.version,
    state: { ...rest, queue: { index, shuffle, repeat, origin, order } },
  };
}

function sameMain(a: Main, b: Main | null): boolean {
  if (!b || a.version !== b.version) return false;
  const same = (x: Record<string, unknown>, y: Record<string, unknown>) => {
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.is(x[k], y[k]));
  };
  const { queue: qa, ...ra } = a.state;
  const { queue: qb, ...rb } = b.state;
  return same(ra, rb) && isRecord(qa) && isRecord(qb) && same(qa, qb);
}

/**
 * The player's zustand storage (decision 018): the queue's entries apart from its position, so
 * a track change writes a few hundred bytes, an edit writes the order (uids), and tracks are
 * written once, when they join the queue. Writes leave the task that made them (the tap that
 * starts a track), once for all the changes made in it; a new 20,000-track queue is written a
 * record per task. `pagehide` writes whatever is still waiting at once.
 */
export function playerStorage<S extends Stored>(): PersistStorage<S> {
  let known = noRecords();
  /** Records read at start, learnt at the first write: not in the task that starts the app. */
  let loaded: Array<[string, QueueItem[]]> = [];
  let written: { items: QueueItem[]; original: QueueItem[]; order: string } | null = null;
  let lastMain: Main | null = null;
  let storeName: string | null = null;
  let pending: StorageValue<S> | null = null;
  let inFlight: StorageValue<S> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let draining = false;
  /** Bumped to abandon a write under way (the page goes away, or the store is cleared). */
  let generation = 0;

  async function writeOut(name: string, value: StorageValue<S>, atOnce: boolean): Promise<void> {
    const run = generation;
    const { queue } = value.state;
    for (const [key, items] of loaded.splice(0)) remember(known, key, items);
    if (written && written.items === queue.items && written.original === queue.original) {
      const main = mainOf(value, written.order);
      if (sameMain(main, lastMain)) return;
      lastMain = main;
      return idbWrite([[name, main]]);
    }
    const plan = planRecords(known, queue, () => newKey(TRACKS_PREFIX));
    const puts = [...plan.add];
    // Every record but the last in a task of its own: each put clones its 2,000 tracks.
    while (!atOnce && puts.length > 1) {
      const [key, items] = puts.shift() ?? [];
      if (key === undefined || items === undefined) break;
      remember(known, key, items);
      void idbWrite([[key, items]]).catch(() => undefined);
      await nextTask();
      if (run !== generation) return;
    }
    for (const [key, items] of puts) remember(known, key, items);
    for (const key of plan.drop) forget(known, key);
    const order = orderOf(queue, newKey('order-'), plan.records);
    const main = mainOf(value, order.id);
    written = { items: queue.items, original: queue.original, order: order.id };
    lastMain = main;
    await idbWrite([...puts, [ORDER_KEY, order], [name, main]], plan.drop);
  }

  async function drain() {
    timer = null;
    if (draining) return;
    draining = true;
    try {
      while (pending && storeName) {
        inFlight = pending;
        pending = null;
        await writeOut(storeName, inFlight, false).catch(() => undefined);
        inFlight = null;
      }
    } finally {
      draining = false;
    }
  }

  const flushNow = () => {
    const value = pending ?? inFlight;
    if (!value || !storeName) return;
    generation += 1;
    pending = null;
    if (timer) clearTimeout(timer);
    timer = null;
    void writeOut(storeName, value, true).catch(() => undefined);
  };
  if (typeof window !== 'undefined') window.addEventListener('pagehide', flushNow);

  return {
    async getItem(name) {
      storeName = name;
      // What is on disk replaces what is in memory: a write still waiting is superseded.
      pending = null;
      // The player record, its order and the order's tracks, read as one snapshot.
      const read = await idbReadLinked([name, ORDER_KEY], ([main, order]) =>
        isOrder(order) && orderIdOf(main) !== undefined ? order.records : [],
      );
      const [stored, order] = read.first;
      if (stored === undefined) return null;
      const value: unknown = typeof stored === 'string' ? JSON.parse(stored) : stored;
      const orderId = orderIdOf(value);
      // Version 2 and before: the entries are in the player record itself.
      if (orderId === undefined || !isRecord(value) || !isRecord(value.state))
        return value as StorageValue<S>;
      const queue = isRecord(value.state.queue) ? value.state.queue : {};
      const { index: at, shuffle, repeat, origin } = queue;
      const position = { index: at, shuffle, repeat, origin };
      const empty = { items: [], original: [], index: -1 };
      if (!isOrder(order))
        return {
          ...value,
          state: { ...value.state, queue: { ...position, ...empty } },
        } as StorageValue<S>;
      const records = read.next.map(entries);
      known = noRecords();
      loaded = order.records.map((key, i) => [key, records[i] ?? []]);
      void collectGarbage(order.records);
      const index =
        orderId === order.id && typeof position.index === 'number' ? position.index : order.index;
      const joined = { ...position, ...entriesOf(order, records, index) };
      return { ...value, state: { ...value.state, queue: joined } } as StorageValue<S>;
    },
    setItem(name, value) {
      storeName = name;
      pending = value;
      timer ??= setTimeout(() => void drain(), 0);
    },
    async removeItem(name) {
      generation += 1;
      pending = null;
      if (timer) clearTimeout(timer);
      timer = null;
      known = noRecords();
      loaded = [];
      written = null;
      lastMain = null;
      // Every record, this tab's or another's: a sign-out leaves none of the account's tracks.
      await idbDeleteWithPrefix([name, ORDER_KEY], TRACKS_PREFIX);
    },
  };
}

/** Track records no order names (a write the page didn't live to finish), once surely stale. */
async function collectGarbage(named: readonly string[]): Promise<void> {
  const keep = new Set(named);
  const stale = (await idbKeysStartingWith(TRACKS_PREFIX)).filter((key) => {
    const at = parseInt(key.slice(TRACKS_PREFIX.length).split('-')[0] ?? '', 36);
    return !keep.has(key) && Date.now() - at > GARBAGE_AFTER_MS;
  });
  await idbWrite([], stale).catch(() => undefined);
}
