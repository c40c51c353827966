import * as v from 'valibot';
import type { Track } from '../../domain';
import { failureSchema, oldFailure } from './failures';
import { JOB_VERSION, SET_VERSION, type DownloadJob, type DownloadSet } from './types';

/**
 * Job and set records as earlier builds wrote them, read through their schemas (decision 013
 * for the small stores; docs/decisions/016 for these). Version 1 (no `v`) is every build before
 * issue 14: its records already named their server, so they are read as they are, keys and files
 * untouched, and written back in this build's version the next time they change. Jobs before
 * version 3 held their failure as a sentence: it is read back as its code (failures.ts). A record
 * from a newer build is left alone on disk; a broken one is dropped with its file.
 */

/** What a downloaded track must have to be fetched and played; the rest passes through. */
const track = v.looseObject({
  id: v.string(),
  title: v.string(),
  artist: v.string(),
  album: v.string(),
  media: v.looseObject({ partId: v.number(), partKey: v.string() }),
}) as v.GenericSchema<unknown, Track>;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const jobV1 = v.object({
  key: v.string(),
  track,
  quality: v.picklist(['original', '320', '192', '128']),
  serverId: v.pipe(v.string(), v.minLength(1)),
  status: v.picklist(['queued', 'downloading', 'done', 'failed']),
  bytes: count,
  total: v.nullable(count),
  chunks: count,
  attempts: count,
  retryAt: v.nullable(v.number()),
  error: v.nullable(v.string()),
  addedAt: v.number(),
  seq: v.number(),
});

const jobV2 = v.object({
  ...jobV1.entries,
  v: v.literal(2),
  validator: v.nullable(v.string()),
  // Since decision 026; a build before it drops it, as it never needed it.
  queuedFor: v.optional(v.string()),
});

const jobV3 = v.object({
  ...jobV2.entries,
  v: v.literal(JOB_VERSION),
  error: v.nullable(failureSchema),
});

const setV1 = v.object({
  id: v.string(),
  kind: v.picklist(['playlist', 'album', 'track']),
  title: v.string(),
  serverId: v.pipe(v.string(), v.minLength(1)),
  keys: v.array(v.string()),
  addedAt: v.number(),
});

const setV2 = v.object({ ...setV1.entries, v: v.literal(SET_VERSION) });

export type Read<T> = { ok: T } | { newer: true } | { broken: true };

const versionOf = (raw: unknown): number | null => {
  if (typeof raw !== 'object' || raw === null) return null;
  const version = (raw as { v?: unknown }).v;
  if (version === undefined) return 1;
  return typeof version === 'number' && Number.isInteger(version) ? version : null;
};

/** A stored job, as this build holds it; `key` is the record's key in the database. */
export function readJob(key: string, raw: unknown): Read<DownloadJob> {
  const version = versionOf(raw);
  if (version !== null && version > JOB_VERSION) return { newer: true };
  let job: DownloadJob | null = null;
  if (version === 1) {
    const parsed = v.safeParse(jobV1, raw);
    if (parsed.success) {
      const error = oldFailure(parsed.output.error);
      job = { ...parsed.output, v: JOB_VERSION, validator: null, error };
    }
  } else if (version === 2) {
    const parsed = v.safeParse(jobV2, raw);
    if (parsed.success)
      job = { ...parsed.output, v: JOB_VERSION, error: oldFailure(parsed.output.error) };
  } else if (version === JOB_VERSION) {
    const parsed = v.safeParse(jobV3, raw);
    if (parsed.success) job = parsed.output;
  }
  return job && job.key === key ? { ok: job } : { broken: true };
}

export function readSet(id: string, raw: unknown): Read<DownloadSet> {
  const version = versionOf(raw);
  if (version !== null && version > SET_VERSION) return { newer: true };
  let set: DownloadSet | null = null;
  if (version === 1) {
    const parsed = v.safeParse(setV1, raw);
    if (parsed.success) set = { ...parsed.output, v: SET_VERSION };
  } else if (version === SET_VERSION) {
    const parsed = v.safeParse(setV2, raw);
    if (parsed.success) set = parsed.output;
  }
  return set && set.id === id ? { ok: set } : { broken: true };
}
