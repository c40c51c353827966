import type { Track } from '../../domain';
import { recount, withSets, type SetsPart } from './set-counts';
import { copyKey, jobKey, legacyJobKey, type DownloadJob, type DownloadQuality } from './types';

/** Totals over every job, kept as jobs change: the Downloads screen's summary reads them. */
interface Summary {
  all: number;
  done: number;
  failed: number;
  /** Bytes saved (live progress of running files is added on screen). */
  bytes: number;
  expected: number;
}

/**
 * The part of the downloads state that job records make. A 20,000-track set is 20,000 jobs, and
 * a running download changes a few of them several times a second: so `jobs` and `onDevice` are
 * changed in place (copying them per change cost O(all jobs) per tick, decision 021) and `rev` /
 * `onDeviceRev` say when they changed. Each job is an immutable record, so a component watching
 * one job selects `s.jobs[key]`; totals are kept in `summary` and `setCounts`.
 */
export interface JobState extends SetsPart {
  jobs: Record<string, DownloadJob>;
  /** Changes whenever any job does. */
  rev: number;
  /** Job keys in the order they were asked for: the queue runs in this order. */
  order: string[];
  /** `server:part` → the key of its finished copy: changes only when a file finishes or goes. */
  onDevice: Record<string, string>;
  onDeviceRev: number;
  summary: Summary;
}

export const emptyJobState = (): JobState => ({
  jobs: {},
  rev: 0,
  order: [],
  onDevice: {},
  onDeviceRev: 0,
  summary: { all: 0, done: 0, failed: 0, bytes: 0, expected: 0 },
  sets: {},
  setIndex: new Map(),
  setCounts: {},
});

/** A finished copy of this track's part from `serverId`, at any quality. */
export function keyOnDevice(
  onDevice: Record<string, string>,
  track: Track,
  serverId: string | null | undefined,
): string | null {
  const partId = track.media?.partId;
  if (partId === undefined || !serverId) return null;
  return onDevice[copyKey(serverId, partId)] ?? null;
}

function fillOnDevice(map: Record<string, string>, jobs: Iterable<DownloadJob>) {
  for (const key of Object.keys(map)) Reflect.deleteProperty(map, key);
  for (const job of jobs) {
    const partId = job.track.media?.partId;
    if (job.status === 'done' && partId !== undefined)
      map[copyKey(job.serverId, partId)] ??= job.key;
  }
}

/** This server's job for the part at this quality, under its key or a version-1 key. */
export function findJob(
  jobs: Record<string, DownloadJob>,
  serverId: string,
  partId: number,
  quality: DownloadQuality,
): DownloadJob | undefined {
  const job = jobs[jobKey(serverId, partId, quality)] ?? jobs[legacyJobKey(partId, quality)];
  return job && job.serverId === serverId && job.quality === quality ? job : undefined;
}

/** `record` without `keys` (the same object when it has none of them). */
export function without<T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const gone = new Set([...keys].filter((k) => Object.hasOwn(record, k)));
  if (gone.size === 0) return record;
  return Object.fromEntries(Object.entries(record).filter(([k]) => !gone.has(k)));
}

function tally(summary: Summary, job: DownloadJob | undefined, sign: 1 | -1) {
  if (!job) return;
  summary.all += sign;
  if (job.status === 'done') summary.done += sign;
  if (job.status === 'failed') summary.failed += sign;
  summary.bytes += sign * job.bytes;
  summary.expected += sign * (job.total ?? job.bytes);
}

type Changed = Omit<JobState, 'sets' | 'setIndex'>;

/**
 * These records replace (or join, at the end of the queue) the ones held: O(changed jobs),
 * `jobs` and `onDevice` changed in place.
 */
export function upsertJobs(s: JobState, list: readonly DownloadJob[]): Changed {
  const { jobs, onDevice } = s;
  const summary = { ...s.summary };
  let order = s.order;
  let onDeviceRev = s.onDeviceRev;
  let rescan = false;
  const changes: Array<[DownloadJob | undefined, DownloadJob]> = [];
  for (const job of list) {
    const before = jobs[job.key];
    jobs[job.key] = job;
    changes.push([before, job]);
    tally(summary, before, -1);
    tally(summary, job, 1);
    if (!before) {
      if (order === s.order) order = [...order];
      order.push(job.key);
    }
    const partId = job.track.media?.partId;
    const wasDone = before?.status === 'done';
    if (job.status === 'done' && !wasDone && partId !== undefined) {
      onDevice[copyKey(job.serverId, partId)] ??= job.key;
      onDeviceRev += 1;
    } else if (wasDone && job.status !== 'done') rescan = true;
  }
  if (rescan) {
    fillOnDevice(onDevice, Object.values(jobs));
    onDeviceRev += 1;
  }
  const setCounts = recount(s, changes);
  return { jobs, rev: s.rev + 1, order, onDevice, onDeviceRev, summary, setCounts };
}

/** These jobs gone: O(removed) but for the order (and onDevice if a finished copy went). */
export function dropJobs(s: JobState, keys: readonly string[]): Changed {
  const gone = new Set(keys.filter((k) => s.jobs[k]));
  if (gone.size === 0) return s;
  const { jobs, onDevice } = s;
  const summary = { ...s.summary };
  const changes: Array<[DownloadJob, undefined]> = [];
  let copyGone = false;
  for (const key of gone) {
    const job = jobs[key] as DownloadJob;
    changes.push([job, undefined]);
    tally(summary, job, -1);
    Reflect.deleteProperty(jobs, key);
    if (job.status === 'done') copyGone = true;
  }
  if (copyGone) fillOnDevice(onDevice, Object.values(jobs));
  return {
    jobs,
    rev: s.rev + 1,
    order: s.order.filter((k) => !gone.has(k)),
    onDevice,
    onDeviceRev: s.onDeviceRev + (copyGone ? 1 : 0),
    summary,
    setCounts: recount(s, changes),
  };
}

/** The sets replaced, their index and counts made again (a user's action, not a tick). */
export const setsNow = (s: Pick<JobState, 'jobs'>, sets: JobState['sets']): SetsPart =>
  withSets(s.jobs, sets);

/** Everything gone: new objects, so nothing holding the old ones sees them change. */
export const wipedJobState = (s: Pick<JobState, 'rev' | 'onDeviceRev'>): JobState => ({
  ...emptyJobState(),
  rev: s.rev + 1,
  onDeviceRev: s.onDeviceRev + 1,
});
