import * as v from 'valibot';
import { isServerPath } from './urls';

/**
 * Library items as Plex sends them. Each item is checked on its own, so one odd item is skipped
 * (and counted) rather than failing a 20,000-track playlist. Any field may be missing but the id.
 */
const stringish = v.union([v.string(), v.pipe(v.number(), v.transform(String))]);
const optionalNumber = v.optional(
  v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]),
);
const optionalText = v.optional(
  v.pipe(
    v.unknown(),
    v.transform((x) => (typeof x === 'string' ? x : typeof x === 'number' ? String(x) : undefined)),
  ),
);

export const partSchema = v.looseObject({
  id: v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]),
  key: v.pipe(v.string(), v.check(isServerPath)),
  duration: optionalNumber,
  size: optionalNumber,
  container: optionalText,
});

export const mediaSchema = v.looseObject({
  duration: optionalNumber,
  bitrate: optionalNumber,
  audioCodec: optionalText,
  container: optionalText,
  Part: v.optional(v.array(v.unknown()), []),
});

export const metadataSchema = v.looseObject({
  ratingKey: stringish,
  type: v.optional(v.string(), ''),
  title: optionalText,
  summary: optionalText,
  thumb: optionalText,
  parentThumb: optionalText,
  grandparentThumb: optionalText,
  composite: optionalText,
  parentRatingKey: v.optional(stringish),
  grandparentRatingKey: v.optional(stringish),
  parentTitle: optionalText,
  grandparentTitle: optionalText,
  originalTitle: optionalText,
  index: optionalNumber,
  parentIndex: optionalNumber,
  duration: optionalNumber,
  year: optionalNumber,
  leafCount: optionalNumber,
  addedAt: optionalNumber,
  updatedAt: optionalNumber,
  smart: v.optional(
    v.union([
      v.boolean(),
      v.pipe(
        v.number(),
        v.transform((n) => n === 1),
      ),
      v.pipe(
        v.string(),
        v.transform((s) => s === '1'),
      ),
    ]),
    false,
  ),
  playlistItemID: optionalNumber,
  userRating: v.optional(v.union([v.number(), v.pipe(v.string(), v.transform(Number))])),
  Media: v.optional(v.array(v.unknown()), []),
});

export type RawMetadata = v.InferOutput<typeof metadataSchema>;

export const listSchema = v.looseObject({
  MediaContainer: v.looseObject({
    size: optionalNumber,
    offset: optionalNumber,
    totalSize: optionalNumber,
    Metadata: v.optional(v.array(v.unknown()), []),
  }),
});

export const hubsSchema = v.looseObject({
  MediaContainer: v.looseObject({
    Hub: v.optional(
      v.array(
        v.looseObject({
          type: v.optional(v.string(), ''),
          Metadata: v.optional(v.array(v.unknown()), []),
        }),
      ),
      [],
    ),
  }),
});
