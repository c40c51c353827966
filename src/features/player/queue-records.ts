import type { QueueItem, QueueState } from './queue';

/**
 * How a queue is laid out in IndexedDB (decision 018), as pure functions: the player-storage
 * adapter does the reading and writing.
 *
 * - The player record (small): index, shuffle, repeat, origin, volume… and the id of the order
 *   it goes with. A track change rewrites only this.
 * - The order record: the entries' uids in play order (and in the original order when shuffled).
 *   A move, a removal or a "play next" rewrites this: 20,000 short strings, not 20,000 tracks.
 * - Track records: the entries themselves ({uid, track}), ENTRIES_PER_RECORD to a record,
 *   written once when they join the queue and deleted when most of what they hold has gone.
 */
export const ORDER_KEY = 'player-order';
export const TRACKS_PREFIX = 'player-tracks-';
/** Cloning 2,000 tracks for IndexedDB takes a few ms: one record per task keeps each task short. */
const ENTRIES_PER_RECORD = 2_000;

export interface OrderRecord {
  id: string;
  items: string[];
  /** null: the same as `items` (shuffle off). */
  original: string[] | null;
  /** The track records the entries are in. */
  records: string[];
  /** The index when this order was written: used if the player record is another order's. */
  index: number;
}

/** The track records this storage wrote or read, and which entries each holds. */
export interface KnownRecords {
  /** The record of an entry, by the entry itself: entries are never changed, only replaced. */
  byItem: WeakMap<QueueItem, string>;
  /** The same by uid, for an equal entry that is another object (the state read back). */
  byUid: Map<string, string>;
  uids: Map<string, string[]>;
}

export const noRecords = (): KnownRecords => ({
  byItem: new WeakMap(),
  byUid: new Map(),
  uids: new Map(),
});

export function remember(known: KnownRecords, key: string, items: readonly QueueItem[]): void {
  const uids = items.map((i) => i.uid);
  known.uids.set(key, uids);
  for (const item of items) {
    known.byItem.set(item, key);
    known.byUid.set(item.uid, key);
  }
}

export function forget(known: KnownRecords, key: string): void {
  for (const uid of known.uids.get(key) ?? []) known.byUid.delete(uid);
  known.uids.delete(key);
}

/** The record an entry is stored in, if it still is. */
function recordOf(known: KnownRecords, item: QueueItem): string | undefined {
  const key = known.byItem.get(item) ?? known.byUid.get(item.uid);
  if (key === undefined || !known.uids.has(key)) return undefined;
  known.byItem.set(item, key);
  return key;
}

export interface RecordPlan {
  /** New track records, in order, each ≤ ENTRIES_PER_RECORD entries. */
  add: Array<[string, QueueItem[]]>;
  /** Every record the queue needs (kept ones and added ones). */
  records: string[];
  /** Known records the queue no longer needs. */
  drop: string[];
}

/**
 * Which track records a queue needs: the known ones that hold its entries, and new ones for
 * entries not stored yet. When less than half of what is stored is still queued (a new queue, a
 * long stretch removed), everything is written afresh and the old records go. One pass over the
 * entries, by object identity (no 20,000-key map to build: this runs after every edit).
 */
export function planRecords(
  known: KnownRecords,
  queue: Pick<QueueState, 'items' | 'original'>,
  newKey: () => string,
): RecordPlan {
  const used = new Set<string>();
  const fresh: QueueItem[] = [];
  let stillStored = 0;
  for (const item of queue.items) {
    const key = recordOf(known, item);
    if (key === undefined) fresh.push(item);
    else {
      used.add(key);
      stillStored += 1;
    }
  }
  // The original order holds the same entries (queue.ts keeps it so); any it has on its own go too.
  if (queue.original !== queue.items) {
    let inItems: Set<QueueItem> | null = null;
    for (const item of queue.original) {
      const key = recordOf(known, item);
      if (key !== undefined) used.add(key);
      else if (!(inItems ??= new Set(fresh)).has(item)) fresh.push(item);
    }
  }
  const afresh = stillStored * 2 < known.byUid.size;
  let entries = fresh;
  if (afresh) {
    const inItems = new Set(queue.items);
    const originalOnly =
      queue.original === queue.items ? [] : queue.original.filter((i) => !inItems.has(i));
    entries = [...queue.items, ...originalOnly];
    used.clear();
  }
  const add: Array<[string, QueueItem[]]> = [];
  for (let at = 0; at < entries.length; at += ENTRIES_PER_RECORD)
    add.push([newKey(), entries.slice(at, at + ENTRIES_PER_RECORD)]);
  return {
    add,
    records: [...used, ...add.map(([key]) => key)],
    drop: [...known.uids.keys()].filter((key) => !used.has(key)),
  };
}

const sameUids = (a: readonly QueueItem[], b: readonly QueueItem[]) =>
  a === b || (a.length === b.length && a.every((item, i) => item.uid === b[i]?.uid));

export function orderOf(queue: QueueState, id: string, records: string[]): OrderRecord {
  const items = queue.items.map((i) => i.uid);
  return {
    id,
    items,
    original: sameUids(queue.items, queue.original) ? null : queue.original.map((i) => i.uid),
    records,
    index: queue.index,
  };
}

/**
 * The entries back from an order and its track records. An entry whose record is missing (a
 * write cut short, another tab's clean-up) is left out, and the index follows what is left.
 */
export function entriesOf(
  order: OrderRecord,
  records: ReadonlyArray<readonly QueueItem[] | undefined>,
  index: number,
): Pick<QueueState, 'items' | 'original' | 'index'> {
  // Plain loops: this runs at every start, over every entry.
  const byUid = new Map<string, QueueItem>();
  for (const record of records) for (const item of record ?? []) byUid.set(item.uid, item);
  const pick = (uids: readonly string[]) => {
    const picked: QueueItem[] = [];
    for (const uid of uids) {
      const item = byUid.get(uid);
      if (item) picked.push(item);
    }
    return picked;
  };
  const items = pick(order.items);
  const original = order.original ? pick(order.original) : items;
  if (items.length === order.items.length) return { items, original, index };
  const playing = order.items[index];
  const at = playing === undefined ? -1 : items.findIndex((i) => i.uid === playing);
  return { items, original, index: at >= 0 ? at : Math.min(index, items.length - 1) };
}
