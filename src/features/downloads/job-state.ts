import type { Track } from '../../domain';
import {
  copyKey,
  jobKey,
  legacyJobKey,
  type DownloadJob,
  type DownloadQuality,
  type DownloadSet,
} from './types';

/** The part of the downloads state that job records make. */
export interface JobState {
  jobs: Record<string, DownloadJob>;
  /** Job keys in the order they were asked for: the queue runs in this order. */
  order: string[];
  /** `server:part` → the key of its finished copy: changes only when a file finishes or goes. */
  onDevice: Record<string, string>;
  sets: Record<string, DownloadSet>;
}

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

export function onDeviceOf(jobs: Iterable<DownloadJob>): Record<string, string> {
  const map: Record<string, string> = {};
  for (const job of jobs) {
    const partId = job.track.media?.partId;
    if (job.status === 'done' && partId !== undefined)
      map[copyKey(job.serverId, partId)] ??= job.key;
  }
  return map;
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

/** The state once these records replaced (or joined, at the end of the queue) the ones held. */
export function upsertJobs(
  s: Pick<JobState, 'jobs' | 'order' | 'onDevice'>,
  list: readonly DownloadJob[],
): Pick<JobState, 'jobs' | 'order' | 'onDevice'> {
  const jobs = { ...s.jobs };
  let order = s.order;
  let onDevice = s.onDevice;
  let rescan = false;
  for (const job of list) {
    const before = jobs[job.key];
    jobs[job.key] = job;
    if (!before) {
      if (order === s.order) order = [...order];
      order.push(job.key);
    }
    const partId = job.track.media?.partId;
    const wasDone = before?.status === 'done';
    if (job.status === 'done' && !wasDone && partId !== undefined) {
      if (onDevice === s.onDevice) onDevice = { ...onDevice };
      onDevice[copyKey(job.serverId, partId)] ??= job.key;
    } else if (wasDone && job.status !== 'done') rescan = true;
  }
  if (rescan) onDevice = onDeviceOf(Object.values(jobs));
  return { jobs, order, onDevice };
}

export function dropJobs(
  s: Pick<JobState, 'jobs' | 'order' | 'onDevice'>,
  keys: readonly string[],
): Pick<JobState, 'jobs' | 'order' | 'onDevice'> {
  const gone = new Set(keys.filter((k) => s.jobs[k]));
  if (gone.size === 0) return s;
  const jobs = without(s.jobs, gone);
  return {
    jobs,
    order: s.order.filter((k) => !gone.has(k)),
    onDevice: onDeviceOf(Object.values(jobs)),
  };
}
