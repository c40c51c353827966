import { describe, expect, it } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import type { QueueItem } from './queue';
import { entriesOf, noRecords, orderOf, planRecords, remember } from './queue-records';

const item = (n: number): QueueItem => ({
  uid: `u${n}`,
  track: aTrack({ id: String(n), media: null }),
});
const items = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => item(from + i));
let keys = 0;
const newKey = () => `k${(keys += 1)}`;

describe('track records', () => {
  it('keeps the records that still hold queued entries, and adds one for the new ones', () => {
    const known = noRecords();
    remember(known, 'a', items(0, 2000));
    remember(known, 'b', items(2000, 3000));
    const queue = [...items(0, 1500), item(5000), ...items(2000, 3000)];
    const plan = planRecords(known, { items: queue, original: queue }, newKey);
    expect(plan.add.map(([, added]) => added.map((i) => i.uid))).toEqual([['u5000']]);
    expect(plan.records).toEqual(['a', 'b', plan.add[0]?.[0]]);
    expect(plan.drop).toEqual([]);
  });

  it('writes afresh when less than half of what is stored is still queued', () => {
    const known = noRecords();
    remember(known, 'a', items(0, 2000));
    remember(known, 'b', items(2000, 4000));
    const queue = items(3000, 4500);
    const plan = planRecords(known, { items: queue, original: queue }, newKey);
    expect(plan.add.map(([, added]) => added.length)).toEqual([1500]);
    expect(plan.drop).toEqual(['a', 'b']);
  });

  it('stores the original order only when it differs, and reads both back', () => {
    const played = items(0, 3);
    const shuffled = [played[0], played[2], played[1]].filter((i) => i !== undefined);
    const order = orderOf(
      { items: shuffled, original: played, index: 2, shuffle: true, repeat: 'off' },
      'o1',
      ['a'],
    );
    expect(order).toMatchObject({ items: ['u0', 'u2', 'u1'], original: ['u0', 'u1', 'u2'] });
    expect(
      orderOf(
        { items: played, original: [...played], index: 0, shuffle: false, repeat: 'off' },
        'o2',
        [],
      ).original,
    ).toBeNull();
    const back = entriesOf(order, [played], 2);
    expect([back.items.map((i) => i.uid), back.original.map((i) => i.uid), back.index]).toEqual([
      ['u0', 'u2', 'u1'],
      ['u0', 'u1', 'u2'],
      2,
    ]);
  });
});
