import type { QueueState } from './queue';

export type QueueEdit =
  | { kind: 'none' }
  | { kind: 'new' }
  | { kind: 'remove'; uid: string }
  | { kind: 'move'; uid: string; afterUid: string | null }
  | { kind: 'append'; count: number }
  | { kind: 'other' };

/** What changed between two queues, in the terms Plex's queue can follow. */
export function diffQueues(prev: QueueState, next: QueueState): QueueEdit {
  if (prev.items === next.items) return { kind: 'none' };
  const a = prev.items;
  const b = next.items;
  // A new queue (playFrom): its first and last entries are both unknown to the old one. (No set
  // of 20,000 uids is built for it: this runs in the tap that starts the music.)
  const known = (uid: string | undefined) => a.some((i) => i.uid === uid);
  if (b.length === 0 || (!known(b[0]?.uid) && !known(b[b.length - 1]?.uid))) return { kind: 'new' };
  if (b.length === a.length - 1) {
    const at = b.findIndex((item, i) => item.uid !== a[i]?.uid);
    const gone = a[at === -1 ? a.length - 1 : at];
    if (gone && b.every((item, i) => item.uid === a[i < at || at === -1 ? i : i + 1]?.uid))
      return { kind: 'remove', uid: gone.uid };
  }
  if (b.length > a.length && a.every((item, i) => item.uid === b[i]?.uid))
    return { kind: 'append', count: b.length - a.length };
  if (b.length === a.length) {
    // The same entries in the same order (a track's rating changed): nothing for Plex's queue.
    if (a.every((item, i) => item.uid === b[i]?.uid)) return { kind: 'none' };
    const moved = movedOne(a, b);
    if (moved) return moved;
  }
  return { kind: 'other' };
}

/** One entry taken out and put back elsewhere, everything else in order. */
function movedOne(a: QueueState['items'], b: QueueState['items']): QueueEdit | null {
  const first = a.findIndex((item, i) => item.uid !== b[i]?.uid);
  if (first === -1) return null;
  let last = a.length - 1;
  while (last > first && a[last]?.uid === b[last]?.uid) last -= 1;
  const forward = a[first]?.uid === b[last]?.uid; // moved later: a[first] now at b[last]
  const uid = forward ? a[first]?.uid : a[last]?.uid;
  if (!uid) return null;
  const without = a.filter((i) => i.uid !== uid);
  const at = b.findIndex((i) => i.uid === uid);
  const rebuilt = [...without.slice(0, at), { uid }, ...without.slice(at)];
  if (!rebuilt.every((item, i) => item.uid === b[i]?.uid)) return null;
  return { kind: 'move', uid, afterUid: at === 0 ? null : (b[at - 1]?.uid ?? null) };
}
