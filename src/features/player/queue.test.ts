import { describe, expect, it } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import {
  addToQueue,
  clearUpcoming,
  current,
  cycleRepeat,
  emptyQueue,
  move,
  next,
  playFrom,
  playNext,
  previous,
  remove,
  setShuffle,
  withTrack,
  type QueueState,
} from './queue';

const track = (id: string) => aTrack({ id, media: null });
const tracks = ['1', '2', '3', '4', '5'].map(track);
const ids = (s: QueueState) => s.items.map((i) => i.track.id);
const now = (s: QueueState | null) => (s ? current(s)?.track.id : null);
/** A deterministic "random" that reverses (j = 0 every time). */
const zero = () => 0;

describe('queue', () => {
  it('plays a list from the tapped track', () => {
    const q = playFrom(emptyQueue, tracks, 2);
    expect(ids(q)).toEqual(['1', '2', '3', '4', '5']);
    expect(now(q)).toBe('3');
  });

  it('advances, and ends after the last track with repeat off', () => {
    let q: QueueState | null = playFrom(emptyQueue, tracks, 3);
    q = next(q as QueueState, 'ended');
    expect(now(q)).toBe('5');
    expect(next(q as QueueState, 'ended')).toBeNull();
  });

  it('wraps with repeat all, and repeats the track with repeat one (but skip still skips)', () => {
    const all = { ...playFrom(emptyQueue, tracks, 4), repeat: 'all' as const };
    expect(now(next(all, 'ended'))).toBe('1');
    const one = { ...playFrom(emptyQueue, tracks, 1), repeat: 'one' as const };
    expect(now(next(one, 'ended'))).toBe('2');
    expect(now(next(one, 'skip'))).toBe('3');
  });

  it('cycles repeat off → all → one → off', () => {
    const q = playFrom(emptyQueue, tracks, 0);
    expect([
      cycleRepeat(q).repeat,
      cycleRepeat(cycleRepeat(q)).repeat,
      cycleRepeat(cycleRepeat(cycleRepeat(q))).repeat,
    ]).toEqual(['all', 'one', 'off']);
  });

  it('goes back, staying at the first track unless repeat all', () => {
    const q = playFrom(emptyQueue, tracks, 1);
    expect(now(previous(q))).toBe('1');
    expect(now(previous(previous(q)))).toBe('1');
    expect(now(previous({ ...playFrom(emptyQueue, tracks, 0), repeat: 'all' }))).toBe('5');
  });

  it('shuffles what comes after the current track, keeping it playing, and unshuffles back', () => {
    const q = playFrom(emptyQueue, tracks, 1);
    const s = setShuffle(q, true, zero);
    expect(now(s)).toBe('2');
    expect(ids(s).slice(0, 2)).toEqual(['1', '2']);
    expect([...ids(s).slice(2)].sort()).toEqual(['3', '4', '5']);
    expect(ids(s).slice(2)).not.toEqual(['3', '4', '5']);
    const moved = next(s) as QueueState;
    const back = setShuffle(moved, false);
    expect(ids(back)).toEqual(['1', '2', '3', '4', '5']);
    expect(now(back)).toBe(now(moved));
  });

  it('starts a shuffled list with the tapped track first', () => {
    const q = playFrom({ ...emptyQueue, shuffle: true }, tracks, 3, zero);
    expect(now(q)).toBe('4');
    expect(q.index).toBe(0);
    expect([...ids(q)].sort()).toEqual(['1', '2', '3', '4', '5']);
  });

  it('inserts "play next" after the current track and "add to queue" at the end', () => {
    let q = playFrom(emptyQueue, tracks, 1);
    q = playNext(q, [track('x')]);
    q = addToQueue(q, [track('y')]);
    expect(ids(q)).toEqual(['1', '2', 'x', '3', '4', '5', 'y']);
    expect(now(next(q))).toBe('x');
    expect(now(addToQueue(emptyQueue, [track('z')]))).toBe('z');
  });

  it('moves entries and keeps the current track current', () => {
    const q = playFrom(emptyQueue, tracks, 2);
    const m = move(q, 4, 0);
    expect(ids(m)).toEqual(['5', '1', '2', '3', '4']);
    expect(now(m)).toBe('3');
    const m2 = move(q, 2, 4);
    expect(now(m2)).toBe('3');
    expect(m2.index).toBe(4);
  });

  it('removes entries before, after and at the current one', () => {
    const q = playFrom(emptyQueue, tracks, 2);
    expect(now(remove(q, 0))).toBe('3');
    expect(ids(remove(q, 4))).toEqual(['1', '2', '3', '4']);
    expect(now(remove(q, 2))).toBe('4');
    const last = playFrom(emptyQueue, tracks, 4);
    expect(remove(last, 4).index).toBe(-1);
  });

  it('clears what is upcoming and keeps playing the current track', () => {
    const q = clearUpcoming(playFrom(emptyQueue, tracks, 2));
    expect(ids(q)).toEqual(['3']);
    expect(now(q)).toBe('3');
  });

  it('allows the same track twice', () => {
    const q = addToQueue(playFrom(emptyQueue, [track('1')], 0), [track('1')]);
    expect(ids(q)).toEqual(['1', '1']);
    expect(q.items[0]?.uid).not.toBe(q.items[1]?.uid);
    expect(q.index).toBe(0);
  });

  it('changes a queued track’s own data (a rating) in place: same entries, same order', () => {
    const q = setShuffle(addToQueue(playFrom(emptyQueue, tracks, 1), [track('2')]), true, zero);
    const rated = withTrack(q, '2', { userRating: 8 });
    expect(rated.items.map((i) => i.uid)).toEqual(q.items.map((i) => i.uid));
    expect(rated.index).toBe(q.index);
    expect(rated.items.filter((i) => i.track.userRating === 8).map((i) => i.track.id)).toEqual([
      '2',
      '2',
    ]);
    // The original order holds the very same entries, not copies of copies.
    for (const item of rated.original) expect(rated.items.includes(item)).toBe(true);
    expect(withTrack(q, 'not queued', { userRating: 8 })).toBe(q);
  });
});
