import * as db from './download-db';
import type { Change } from './tab-messages';
import type { DownloadJob, DownloadSet } from './types';

/**
 * How the tab that runs the queue writes jobs and sets: to IndexedDB first, then tells the other
 * tabs (tab-group.ts). Told only once written, so a tab that opens and reads the disk while this
 * happens either reads it or hears it, never neither.
 */
let tell: ((change: Change) => void) | null = null;

/** Where changes are told (null: this tab is alone, or follows another). */
export function tellChangesTo(listener: ((change: Change) => void) | null): void {
  tell = listener;
}

export const announce = (change: Change) => tell?.(change);

/**
 * Records of files downloading now are written at most every FLUSH_MS, each job once as it stands
 * then: a small file changes its record two or three times within a few hundred milliseconds while
 * it downloads, and every transaction, however small, queues with the files' own in the one backing
 * store (decision 026). Nothing waits on them here (this tab's state is already current), and a tab
 * closed meanwhile loses at most that long of a download's progress. Any other change (queued,
 * done, failed) is written at the next task, and takes the waiting ones with it: a finished file's
 * record lands as soon as its bytes have.
 */
const FLUSH_MS = 100;
const dirty = new Map<string, DownloadJob>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
let flushAt = Infinity;

export function persistJob(job: DownloadJob): void {
  dirty.set(job.key, job);
  const at = performance.now() + (job.status === 'downloading' ? FLUSH_MS : 0);
  if (at >= flushAt) return;
  if (flushTimer) clearTimeout(flushTimer);
  flushAt = at;
  flushTimer = setTimeout(() => void flushJobs(), at - performance.now());
}

/** Writes in flight, in order: the lock is handed on only once they have landed. */
let writing: Promise<void> = Promise.resolve();

function flushJobs(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = null;
  flushAt = Infinity;
  const list = [...dirty.values()];
  dirty.clear();
  if (list.length === 0) return writing;
  // A refused write (storage full, another tab signed out) is told nowhere: the job's own next
  // change writes it again, or the tab is about to reload. A piece at a time: 20,000 jobs queued
  // at once are neither cloned in one task nor told to the other tabs in one message.
  writing = writing.then(async () => {
    for (const piece of db.pieces(list)) {
      await db.saveJobs(piece).then(
        () => announce({ t: 'jobs', jobs: piece }),
        () => undefined,
      );
    }
  });
  return writing;
}

/** Writes what is waiting now and resolves once every job write so far has landed. */
export const settleWrites = (): Promise<void> => flushJobs();

/** Jobs about to be deleted: a pending write of theirs must not bring them back. */
export function forgetJobs(keys?: readonly string[]): void {
  if (!keys) dirty.clear();
  else for (const key of keys) dirty.delete(key);
}

export async function deleteJobs(keys: string[]): Promise<void> {
  forgetJobs(keys);
  // Pieces of an earlier write not yet begun would land after the delete: they go first.
  await writing;
  await db.deleteJobs(keys);
  announce({ t: 'gone', keys });
}

export async function persistSet(set: DownloadSet): Promise<void> {
  await db.saveSet(set);
  announce({ t: 'sets', sets: [set] });
}

export async function deleteSets(ids: string[]): Promise<void> {
  await db.deleteSets(ids);
  announce({ t: 'sets-gone', ids });
}

/** Live progress for the other tabs, at most every PROGRESS_EVERY_MS. */
const PROGRESS_EVERY_MS = 250;
let progress: Record<string, number | null> = {};
let progressTimer: ReturnType<typeof setTimeout> | null = null;

export function reportProgress(key: string, bytes: number | null): void {
  if (!tell) return;
  progress[key] = bytes;
  progressTimer ??= setTimeout(() => {
    progressTimer = null;
    const sent = progress;
    progress = {};
    announce({ t: 'progress', progress: sent });
  }, PROGRESS_EVERY_MS);
}
