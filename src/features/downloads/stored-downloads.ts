import { forgetAtSignOut } from '../../lib/account-memory';
import { useDownloadsStore } from './downloads-store';
import * as db from './download-db';
import { emptyJobState, setsNow, upsertJobs } from './job-state';
import { seenSeq } from './new-jobs';
import { readJob, readSet } from './stored-records';
import type { DownloadJob, DownloadSet } from './types';

/**
 * Records the last load found broken (the runner tab deletes them, and the jobs' files), and sets
 * it gave back jobs queued for them (the runner tab writes them).
 */
interface Broken {
  jobs: string[];
  sets: string[];
  regained: string[];
}
const nothingBroken = (): Broken => ({ jobs: [], sets: [], regained: [] });
let broken = nothingBroken();
export const brokenRecords = () => broken;
// The account's record keys. Forgotten at sign-out: the next read of the disk finds again what
// is still there (a wipe has removed it all, or downloads kept stay for the next sign-in).
forgetAtSignOut(() => {
  broken = nothingBroken();
});

/**
 * Jobs no set holds, made by an enqueue of a set that is there: a tab closed between the pieces
 * of that enqueue, after writing their jobs, before the set's last record (queue-ops.ts). They go
 * back in it, in the order asked; the ids of the sets that gained some are returned.
 */
function regain(jobs: readonly DownloadJob[], sets: Record<string, DownloadSet>): string[] {
  const held = new Set(Object.values(sets).flatMap((s) => s.keys));
  const regained = new Set<string>();
  for (const job of jobs) {
    const set = job.queuedFor === undefined ? undefined : sets[job.queuedFor];
    if (!set || held.has(job.key) || set.serverId !== job.serverId) continue;
    set.keys.push(job.key);
    regained.add(set.id);
  }
  return [...regained];
}

/**
 * Reads the jobs and sets saved by earlier visits (any version, stored-records.ts). A job the
 * disk says is downloading is, in another tab; the tab that takes over the runner queues it again.
 * (tab-group.ts `loadDownloads` is the way in: it also hears what changes meanwhile.)
 */
export async function readStoredDownloads(): Promise<void> {
  const [jobRecords, setRecords] = await Promise.all([db.loadJobRecords(), db.loadSetRecords()]);
  const jobs: DownloadJob[] = [];
  const kept = new Set<string>();
  broken = nothingBroken();
  for (const [key, raw] of jobRecords) {
    const read = readJob(String(key), raw);
    if ('ok' in read) jobs.push(read.ok);
    else if ('newer' in read) kept.add(String(key));
    else broken.jobs.push(String(key));
  }
  jobs.sort((a, b) => a.addedAt - b.addedAt || a.seq - b.seq);
  for (const job of jobs) {
    seenSeq(job.seq);
    kept.add(job.key);
  }
  const sets: Record<string, DownloadSet> = {};
  for (const [id, raw] of setRecords) {
    const read = readSet(String(id), raw);
    // A broken set goes; its downloads stay (listed, playable) until deleted.
    if ('broken' in read) broken.sets.push(String(id));
    if ('ok' in read)
      sets[read.ok.id] = { ...read.ok, keys: read.ok.keys.filter((k) => kept.has(k)) };
  }
  broken.regained = regain(jobs, sets);
  // New objects (the old state's are changed in place: whoever holds them sees them go stale).
  const { rev, onDeviceRev } = useDownloadsStore.getState();
  const fresh = { ...emptyJobState(), rev: rev + 1, onDeviceRev: onDeviceRev + 1 };
  const loaded = upsertJobs(fresh, jobs);
  useDownloadsStore.setState({
    loaded: true,
    ...loaded,
    ...setsNow(loaded, sets),
    progress: {},
    unreadable: broken.jobs.length,
  });
}
