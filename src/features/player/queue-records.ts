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
export const ENTRIES_PER_RECORD = 2_000;

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
  byUid: Map<string, string>;
  uids: Map<string, string[]>;
}

export const noRecords = (): KnownRecords => ({ byUid: new Map(), uids: new Map() });

export function remember(known: KnownRecords, key: string, items: readonly QueueItem[]): void {
  const uids = items.map((i) => i.uid);
  known.uids.set(key, uids);
  for (const uid of uids) known.byUid.set(uid, key);
}

export function forget(known: KnownRecords, key: string): void {
  for (const uid of known.uids.get(key) ?? []) known.byUid.delete(uid);
  known.uids.delete(key);
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
 * long stretch removed), everything is written afresh and the old records go.
 */
export function planRecords(
  known: KnownRecords,
  queue: Pick<QueueState, 'items' | 'original'>,
  newKey: () => string,
): RecordPlan {
  const live = new Map<string, QueueItem>();
  for (const item of queue.items) live.set(item.uid, item);
  if (queue.original !== queue.items) for (const item of queue.original) live.set(item.uid, item);
  const used = new Set<string>();
  let fresh: QueueItem[] = [];
  let stillStored = 0;
  for (const [uid, item] of live) {
    const key = known.byUid.get(uid);
    if (key === undefined) fresh.push(item);
    else {
      used.add(key);
      stillStored += 1;
    }
  }
  if (stillStored * 2 < known.byUid.size) {
    used.clear();
    fresh = [...live.values()];
  }
  const add: Array<[string, QueueItem[]]> = [];
  for (let at = 0; at < fresh.length; at += ENTRIES_PER_RECORD)
    add.push([newKey(), fresh.slice(at, at + ENTRIES_PER_RECORD)]);
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
  const byUid = new Map<string, QueueItem>();
  for (const record of records) for (const item of record ?? []) byUid.set(item.uid, item);
  const pick = (uids: readonly string[]) =>
    uids.flatMap((uid) => {
      const item = byUid.get(uid);
      return item ? [item] : [];
    });
  const items = pick(order.items);
  const original = order.original ? pick(order.original) : items;
  if (items.length === order.items.length) return { items, original, index };
  const playing = order.items[index];
  const at = playing === undefined ? -1 : items.findIndex((i) => i.uid === playing);
  return { items, original, index: at >= 0 ? at : Math.min(index, items.length - 1) };
}
