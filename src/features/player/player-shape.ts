import * as v from 'valibot';
import type { Track } from '../../domain';
import { persistedShape } from '../../lib/persisted-shape';
import type { QueueItem, QueueState } from './queue';
import type { StreamQuality } from './player-store';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a queued track must have to be played; the rest is display and passes through. */
const isTrack = (value: unknown): value is Track =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.title === 'string' &&
  typeof value.artist === 'string' &&
  typeof value.album === 'string' &&
  (value.media === null ||
    (isRecord(value.media) &&
      typeof value.media.partId === 'number' &&
      typeof value.media.partKey === 'string'));
const isItem = (value: unknown): value is QueueItem =>
  isRecord(value) && typeof value.uid === 'string' && isTrack(value.track);

/**
 * The entries, checked by a plain loop rather than a schema per entry: a 20,000-track queue is
 * read back at every start, and valibot's objects for each entry made that one long task
 * (decision 018). The entries pass through as they are, as looseObject passed tracks through.
 */
const items = v.custom<QueueItem[]>(
  (input) => Array.isArray(input) && input.every(isItem),
  'a queue entry lacks what it takes to play it',
);

const queue: v.GenericSchema<unknown, QueueState> = v.looseObject({
  items,
  original: items,
  index: v.number(),
  shuffle: v.boolean(),
  repeat: v.picklist(['off', 'all', 'one']),
  origin: v.optional(v.object({ kind: v.picklist(['playlist', 'album']), id: v.string() })),
});

const quality: v.GenericSchema<unknown, StreamQuality> = v.picklist([
  'auto',
  'original',
  '320',
  '192',
  '128',
]);

/**
 * The player as stored. 1: "Auto" became the default quality ("original" was the old default,
 * not a choice). 2: the queue knows its server; older queues are adopted by the first server
 * they are played on (null until then). 3: the queue's entries are stored apart from its
 * position (player-storage.ts, decision 018); the storage reads both layouts back into the same
 * state, which the next write stores the new way.
 */
export const playerShape = persistedShape({
  version: 3,
  steps: {
    0: (state) => (state.quality === 'original' ? { ...state, quality: 'auto' } : state),
    1: (state) => ({ ...state, serverId: null }),
    2: (state) => state,
  },
  schema: v.object({
    queue,
    serverId: v.nullable(v.string()),
    volume: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
    muted: v.boolean(),
    quality,
  }),
});
