import type { ListOrigin, Track } from '../../domain';

/**
 * Queue rules as pure functions (docs/decisions/005): no React, no audio, easy to test.
 * `items` is the play order; `original` keeps the unshuffled order so shuffle can be undone.
 * Each entry has its own uid, so the same track can be queued twice.
 */
export interface QueueItem {
  uid: string;
  track: Track;
}

type RepeatMode = 'off' | 'all' | 'one';

/** Where a queue came from, when it is that playlist or album whole and in its own order. */
export type QueueOrigin = ListOrigin;

export interface QueueState {
  items: QueueItem[];
  original: QueueItem[];
  index: number;
  shuffle: boolean;
  repeat: RepeatMode;
  /**
   * Set by playFrom, dropped by any edit of the items: while it stands, Plex's play queue can be
   * made from the playlist or album itself (docs/plex-api.md).
   */
  origin?: QueueOrigin;
}

export const emptyQueue: QueueState = {
  items: [],
  original: [],
  index: -1,
  shuffle: false,
  repeat: 'off',
};

let uidCounter = 0;
function newUid(): string {
  uidCounter += 1;
  return `${Date.now().toString(36)}-${uidCounter.toString(36)}`;
}

const toItems = (tracks: readonly Track[]): QueueItem[] =>
  tracks.map((track) => ({ uid: newUid(), track }));

/** Fisher–Yates; `random` is injectable so tests are deterministic. */
function shuffled<T>(values: readonly T[], random: () => number = Math.random): T[] {
  const out = [...values];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function current(state: QueueState): QueueItem | undefined {
  return state.items[state.index];
}

/** The queue becomes `tracks`, starting at `start` (shuffled around it when shuffle is on). */
export function playFrom(
  state: QueueState,
  tracks: readonly Track[],
  start: number,
  random?: () => number,
  origin?: QueueOrigin,
): QueueState {
  const original = toItems(tracks);
  const startAt = Math.min(Math.max(0, start), original.length - 1);
  if (!state.shuffle || original.length === 0) {
    return { ...state, items: original, original, index: original.length ? startAt : -1, origin };
  }
  const first = original[startAt] as QueueItem;
  const rest = shuffled(
    original.filter((_, i) => i !== startAt),
    random,
  );
  return { ...state, items: [first, ...rest], original, index: 0, origin };
}

/** What `next` does after the current track: null means the queue is finished. */
export function nextIndex(state: QueueState, reason: 'ended' | 'skip'): number | null {
  if (state.items.length === 0) return null;
  if (reason === 'ended' && state.repeat === 'one') return state.index;
  if (state.index + 1 < state.items.length) return state.index + 1;
  return state.repeat === 'off' ? null : 0;
}

export function next(state: QueueState, reason: 'ended' | 'skip' = 'skip'): QueueState | null {
  const index = nextIndex(state, reason);
  return index === null ? null : { ...state, index };
}

export function previous(state: QueueState): QueueState {
  if (state.items.length === 0) return state;
  if (state.index > 0) return { ...state, index: state.index - 1 };
  return state.repeat === 'all' ? { ...state, index: state.items.length - 1 } : state;
}

export function jumpTo(state: QueueState, index: number): QueueState {
  return index >= 0 && index < state.items.length ? { ...state, index } : state;
}

/** Shuffle on: the current track stays and plays on; what comes after is shuffled. Off: the
 *  original order comes back, continuing from the current track. */
export function setShuffle(state: QueueState, on: boolean, random?: () => number): QueueState {
  if (on === state.shuffle) return state;
  const playing = current(state);
  if (on) {
    const played = state.items.slice(0, state.index + 1);
    const upcoming = shuffled(state.items.slice(state.index + 1), random);
    return { ...state, shuffle: true, items: [...played, ...upcoming], origin: undefined };
  }
  const index = playing ? state.original.findIndex((i) => i.uid === playing.uid) : -1;
  return {
    ...state,
    shuffle: false,
    items: state.original,
    index: index >= 0 ? index : Math.min(state.index, state.original.length - 1),
  };
}

export function cycleRepeat(state: QueueState): QueueState {
  const order: RepeatMode[] = ['off', 'all', 'one'];
  return {
    ...state,
    repeat: order[(order.indexOf(state.repeat) + 1) % order.length] as RepeatMode,
  };
}

function insertAt(items: QueueItem[], at: number, added: QueueItem[]): QueueItem[] {
  return [...items.slice(0, at), ...added, ...items.slice(at)];
}

/** "Play next": right after the current track, in both the play order and the original order. */
export function playNext(state: QueueState, tracks: readonly Track[]): QueueState {
  const added = toItems(tracks);
  if (state.items.length === 0)
    return { ...state, items: added, original: added, index: 0, origin: undefined };
  const playing = current(state);
  const originalAt = playing
    ? state.original.findIndex((i) => i.uid === playing.uid) + 1
    : state.original.length;
  return {
    ...state,
    items: insertAt(state.items, state.index + 1, added),
    original: insertAt(state.original, originalAt, added),
    origin: undefined,
  };
}

/** "Add to queue": at the end. */
export function addToQueue(state: QueueState, tracks: readonly Track[]): QueueState {
  const added = toItems(tracks);
  if (state.items.length === 0)
    return { ...state, items: added, original: added, index: 0, origin: undefined };
  return {
    ...state,
    items: [...state.items, ...added],
    original: [...state.original, ...added],
    origin: undefined,
  };
}

/** Moves an entry in the play order; the current track stays current wherever it lands. */
export function move(state: QueueState, from: number, to: number): QueueState {
  if (from === to || from < 0 || to < 0 || from >= state.items.length || to >= state.items.length)
    return state;
  const playing = current(state);
  const items = [...state.items];
  const [moved] = items.splice(from, 1);
  if (!moved) return state;
  items.splice(to, 0, moved);
  const original = state.shuffle ? state.original : items;
  return {
    ...state,
    items,
    original,
    index: playing ? items.findIndex((i) => i.uid === playing.uid) : state.index,
    origin: undefined,
  };
}

/** Removes an entry. Removing the current one makes the next one current (or ends the queue). */
export function remove(state: QueueState, at: number): QueueState {
  const gone = state.items[at];
  if (!gone) return state;
  const items = state.items.filter((_, i) => i !== at);
  const original = state.original.filter((i) => i.uid !== gone.uid);
  let index = state.index;
  if (at < state.index) index -= 1;
  else if (at === state.index && index >= items.length)
    index = items.length ? (state.repeat === 'all' ? 0 : -1) : -1;
  return { ...state, items, original, index, origin: undefined };
}

/**
 * Every entry of the track `id` with `patch` applied (a new rating): the same entries in the same
 * order, so nothing about playing changes. The queue itself back when the track isn't in it.
 */
export function withTrack(state: QueueState, id: string, patch: Partial<Track>): QueueState {
  const changed = new Map<QueueItem, QueueItem>();
  const swap = (items: QueueItem[]) => {
    let out: QueueItem[] | null = null;
    items.forEach((item, i) => {
      if (item.track.id !== id) return;
      let next = changed.get(item);
      if (!next) changed.set(item, (next = { uid: item.uid, track: { ...item.track, ...patch } }));
      (out ??= items.slice())[i] = next;
    });
    return out ?? items;
  };
  const items = swap(state.items);
  if (items === state.items) return state;
  const original = state.original === state.items ? items : swap(state.original);
  return { ...state, items, original };
}

/** Clears what is queued after the current track (the current one keeps playing). */
export function clearUpcoming(state: QueueState): QueueState {
  const playing = current(state);
  if (!playing) return emptyQueue;
  return { ...state, items: [playing], original: [playing], index: 0, origin: undefined };
}
