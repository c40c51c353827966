import type { PlayQueueSource, PlayQueueWindow, PmsPlayQueues } from '../../lib/plex/play-queues';
import type { QueueState } from './queue';
import { diffQueues, type QueueEdit } from './queue-diff';
import * as v from 'valibot';

/**
 * Plex's server-side play queue, kept a mirror of the local one (docs/decisions/009). The local
 * queue is the truth: Plex's follows it, so Plex's "Now Playing" (and the timeline's
 * `playQueueItemID`) name the entry that plays. Offline, or when an edit can't be mirrored, the
 * link goes stale and a fresh Plex queue is made from the local one when it is next needed.
 *
 * Plex's queue holds the local entries from `base` on, in the same order: made from a playlist
 * or album (the whole thing, base 0) or from a window of track ids (long lists: base = the entry
 * playing), then topped up as playback nears its end.
 */
export interface PlexQueueLink {
  serverId: string;
  queueId: number;
  /** The local index of Plex's first item. */
  base: number;
  /** How many items Plex's queue holds. */
  total: number;
  /** Plex's queue ends where the local one does (an append can be mirrored). */
  tailAligned: boolean;
  /** Plex's item ids of local entries (by uid), as far as known. */
  ids: Record<string, number>;
}

/** The link as stored: one that doesn't read (a newer build's, broken) is as good as none. */
export const plexQueueLinkSchema: v.GenericSchema<unknown, PlexQueueLink> = v.object({
  serverId: v.string(),
  queueId: v.number(),
  base: v.number(),
  total: v.number(),
  tailAligned: v.boolean(),
  ids: v.record(v.string(), v.number()),
});

export interface QueueServer {
  serverId: string;
  playQueues: Pick<PmsPlayQueues, 'create' | 'itemsAfter' | 'append' | 'move' | 'remove'>;
}

export interface MirrorDeps {
  server(): QueueServer | null;
  queue(): QueueState;
  restored?: PlexQueueLink | null;
  /** Persists the link (a reload keeps reporting into the same Plex queue). */
  save?(link: PlexQueueLink | null): void;
  now?: () => number;
}

/** How many track ids a new queue or a top-up names (the URI carries them all). */
export const WINDOW = 100;
/** Plex's queue for a new local one is asked for this long after it (not in the tap). */
const CREATE_AFTER_MS = 300;
/** After Plex refused to make a queue, it is asked again no sooner than this. */
const RETRY_CREATE_AFTER_MS = 30_000;

export function startPlayQueueMirror(deps: MirrorDeps) {
  let link: PlexQueueLink | null = deps.restored ?? null;
  /** Ids of the queue last replaced: a `stopped` for its entry still names its item. */
  let retired: Record<string, number> = {};
  let createFailedAt = -Infinity;
  // In-page intervals: the monotonic clock, which a change of the wall clock doesn't move.
  const now = deps.now ?? (() => performance.now());
  const failedLately = () => now() - createFailedAt < RETRY_CREATE_AFTER_MS;
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  };
  const setLink = (next: PlexQueueLink | null) => {
    link = next;
    deps.save?.(next);
  };
  const indexOf = (uid: string) => deps.queue().items.findIndex((i) => i.uid === uid);

  /** Records the ids of a window, if its tracks are the local entries at those places. */
  function learn(
    current: PlexQueueLink,
    window: PlayQueueWindow,
    items = deps.queue().items,
  ): boolean {
    for (const [i, item] of window.items.entries()) {
      const local = items[current.base + window.firstOffset + i];
      // Past the local end (a playlist still loading when it was tapped): nothing to learn.
      if (!local) break;
      if (local.track.id !== item.trackId) return false;
      current.ids[local.uid] = item.itemId;
    }
    return true;
  }

  /** A new Plex queue for the local one, from the entry playing on. */
  /**
   * A new Plex queue for the local one (as it stands, or as it was when it was made: edits made
   * since are queued behind this and mirrored in turn).
   */
  async function create(server: QueueServer, queue = deps.queue()): Promise<PlexQueueLink | null> {
    const playing = queue.items[queue.index];
    if (!playing) return null;
    const whole = queue.origin && !queue.shuffle && queue.index >= 0;
    const base = whole ? 0 : queue.index;
    const tracks = queue.items.slice(base, base + WINDOW).map((i) => i.track.id);
    const source: PlayQueueSource =
      whole && queue.origin ? queue.origin : { kind: 'tracks', ids: tracks };
    const window = await server.playQueues.create(source, playing.track.id);
    const made: PlexQueueLink = {
      serverId: server.serverId,
      queueId: window.queueId,
      base,
      total: window.totalCount,
      tailAligned: base + window.totalCount === queue.items.length,
      ids: {},
    };
    // A playlist that changed on the server since it was loaded no longer lines up.
    if (!learn(made, window, queue.items)) {
      if (!whole) return null;
      const ids = queue.items.slice(queue.index, queue.index + WINDOW).map((i) => i.track.id);
      const retry = await server.playQueues.create({ kind: 'tracks', ids }, playing.track.id);
      const fallback = {
        ...made,
        queueId: retry.queueId,
        base: queue.index,
        total: retry.totalCount,
        ids: {},
      };
      fallback.tailAligned = queue.index + retry.totalCount === queue.items.length;
      return learn(fallback, retry, queue.items) ? fallback : null;
    }
    return made;
  }

  /** The Plex item id of a local entry: from what is known, a window, a top-up or a new queue. */
  async function ensure(uid: string): Promise<number | undefined> {
    const server = deps.server();
    if (!server) return undefined;
    if (!link || link.serverId !== server.serverId) {
      // A queue Plex wouldn't make a moment ago isn't asked for again on every report.
      if (failedLately()) return undefined;
      setLink(
        await create(server).catch((error: unknown) => {
          createFailedAt = now();
          throw error;
        }),
      );
    }
    let current = link;
    if (!current) return undefined;
    const known = current.ids[uid];
    if (known !== undefined) return known;
    const index = indexOf(uid);
    const offset = index - current.base;
    if (index < 0) return undefined;
    if (offset < 0 || offset >= current.total + WINDOW) {
      setLink(await create(server));
      return link?.ids[uid];
    }
    if (offset >= current.total) {
      // Playback reached the end of what Plex holds: top it up with the next entries.
      const items = deps.queue().items;
      const more = items.slice(current.base + current.total, current.base + current.total + WINDOW);
      await server.playQueues.append(
        current.queueId,
        more.map((i) => i.track.id),
      );
      current = { ...current, total: current.total + more.length };
      current.tailAligned = current.base + current.total === items.length;
      setLink(current);
    }
    const anchor = nearestKnownBefore(current, index);
    if (!anchor) {
      setLink(await create(server));
      return link?.ids[uid];
    }
    const window = await server.playQueues.itemsAfter(current.queueId, anchor, WINDOW);
    if (!learn(current, window)) {
      setLink(await create(server));
      return link?.ids[uid];
    }
    setLink({ ...current });
    return current.ids[uid];
  }

  /** The closest entry at or before `index` whose id is known, with its offset in Plex's queue. */
  function nearestKnownBefore(current: PlexQueueLink, index: number, items = deps.queue().items) {
    for (let i = index; i >= current.base && i > index - WINDOW; i -= 1) {
      const uid = items[i]?.uid;
      const itemId = uid === undefined ? undefined : current.ids[uid];
      if (itemId !== undefined) return { itemId, offset: i - current.base };
    }
    return null;
  }

  /**
   * The id of the entry at `index` of `items` (a queue as an edit saw it), reading Plex's queue
   * on from the nearest entry already known (an appended track's id isn't known yet).
   */
  async function idAt(
    server: QueueServer,
    current: PlexQueueLink,
    index: number,
    items: QueueState['items'],
  ): Promise<number | undefined> {
    const uid = items[index]?.uid;
    if (uid === undefined) return undefined;
    if (current.ids[uid] !== undefined) return current.ids[uid];
    const anchor = nearestKnownBefore(current, index, items);
    if (!anchor) return undefined;
    const window = await server.playQueues.itemsAfter(current.queueId, anchor, WINDOW);
    return learn(current, window, items) ? current.ids[uid] : undefined;
  }

  /**
   * Mirrors a local edit; what Plex's queue can't follow makes a fresh one at the next need.
   * Edits are sent in order, each with the queues as they were when it was made.
   */
  async function mirror(edit: QueueEdit, prev: QueueState, next: QueueState): Promise<void> {
    const current = link;
    if (!current) return;
    const server = deps.server();
    // Offline (or on another server): Plex's queue falls behind; a fresh one is made when back.
    if (!server || server.serverId !== current.serverId) return setLink(null);
    const prevIndex = (uid: string) => prev.items.findIndex((i) => i.uid === uid);
    if (edit.kind === 'remove') {
      const at = prevIndex(edit.uid) - current.base;
      if (at >= current.total) return; // beyond what Plex holds
      const itemId =
        at < 0 ? undefined : await idAt(server, current, at + current.base, prev.items);
      if (itemId === undefined) return setLink(null);
      await server.playQueues.remove(current.queueId, itemId);
      const ids = Object.fromEntries(
        Object.entries(current.ids).filter(([uid]) => uid !== edit.uid),
      );
      setLink({ ...current, ids, total: current.total - 1 });
      return;
    }
    if (edit.kind === 'move') {
      const inside = (uid: string | null) => {
        if (uid === null) return true;
        const at = next.items.findIndex((i) => i.uid === uid);
        return at >= current.base && at < current.base + current.total;
      };
      if (!inside(edit.uid) || !inside(edit.afterUid)) return setLink(null);
      const itemId = await idAt(server, current, prevIndex(edit.uid), prev.items);
      const afterAt = edit.afterUid === null ? -1 : prevIndex(edit.afterUid);
      const after = afterAt < 0 ? null : await idAt(server, current, afterAt, prev.items);
      if (itemId === undefined || after === undefined) return setLink(null);
      await server.playQueues.move(current.queueId, itemId, after);
      return;
    }
    if (edit.kind === 'append') {
      if (!current.tailAligned) return;
      const added = next.items.slice(next.items.length - edit.count).map((i) => i.track.id);
      await server.playQueues.append(current.queueId, added);
      setLink({ ...current, total: current.total + added.length });
      return;
    }
    setLink(null);
  }

  return {
    /** Called with every change of the local queue. */
    queueChanged(prev: QueueState, next: QueueState) {
      const edit = diffQueues(prev, next);
      if (edit.kind === 'none') return;
      if (edit.kind === 'new') {
        if (link) retired = link.ids;
        setLink(null);
        // Made from the queue as it is now (edits that follow are queued behind it), a moment
        // after the tap: the track starting has the connection, and the tap's task, to itself.
        void serial(async () => {
          await new Promise((resolve) => setTimeout(resolve, CREATE_AFTER_MS));
          const server = deps.server();
          if (server && !failedLately()) setLink(await create(server, next));
        }).catch(() => (createFailedAt = now()));
        return;
      }
      void serial(() => mirror(edit, prev, next)).catch(() => setLink(null));
    },
    /** The Plex item id for a local entry, making or topping up Plex's queue if needed. */
    itemIdFor(uid: string): Promise<number | undefined> {
      return serial(() => ensure(uid)).catch(() => {
        setLink(null);
        return undefined;
      });
    },
    /** Known without asking the server (for a report sent as the page goes away). */
    knownItemId: (uid: string): number | undefined => link?.ids[uid] ?? retired[uid],
    link: () => link,
  };
}
