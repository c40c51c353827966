import * as v from 'valibot';
import type { Track } from '../../domain';
import { persistedShape } from '../../lib/persisted-shape';
import type { QueueItem, QueueState } from './queue';
import type { StreamQuality } from './player-store';

/** What a queued track must have to be played; the rest is display and passes through. */
const track: v.GenericSchema<unknown, Track> = v.looseObject({
  id: v.string(),
  title: v.string(),
  artist: v.string(),
  album: v.string(),
  media: v.nullable(v.looseObject({ partId: v.number(), partKey: v.string() })),
}) as v.GenericSchema<unknown, Track>;

const item: v.GenericSchema<unknown, QueueItem> = v.object({ uid: v.string(), track });

const queue: v.GenericSchema<unknown, QueueState> = v.looseObject({
  items: v.array(item),
  original: v.array(item),
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
