import * as v from 'valibot';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Track } from '../../domain';
import { idbObjectStorage } from '../../lib/idb';
import { persistedShape } from '../../lib/persisted-shape';
import * as db from './download-db';
import { emptyJobState, setsNow, upsertJobs, type JobState } from './job-state';
import { seenSeq } from './new-jobs';
import { createQueueOps } from './queue-ops';
import { readJob, readSet } from './stored-records';
import type { Ask } from './tab-messages';
import type { DownloadJob, DownloadQuality, DownloadSet, StopReason } from './types';

export { keyOnDevice } from './job-state';

export interface DownloadSettings {
  quality: DownloadQuality;
  /** A downloaded playlist fetches tracks newly added to it when it is refreshed. */
  keepUpdated: boolean;
}

export interface DownloadsState extends DownloadSettings, JobState {
  loaded: boolean;
  /** Live bytes of the jobs downloading now (saved bytes are in the job). */
  progress: Record<string, number>;
  paused: boolean;
  /** Why downloads stopped on their own (storage full), until the user resumes. */
  stopped: StopReason | null;
  /** Another tab of PlexM8 runs the downloads; this one shows what it does. */
  elsewhere: boolean;
  /**
   * Downloads whose records this version couldn't read (broken, half-written): removed with their
   * files to free the space, and said on the Downloads screen rather than lost in silence.
   */
  unreadable: number;

  setQuality(quality: DownloadQuality): void;
  setKeepUpdated(on: boolean): void;
  /**
   * Adds a playlist, album or track; tracks already downloaded (any quality) are reused. An
   * original this browser can't play (ALAC in Chromium) comes as 320 kbps MP3 instead: a file
   * that can't play offline is no download.
   */
  enqueue(set: Omit<DownloadSet, 'v' | 'keys' | 'addedAt'>, tracks: readonly Track[]): void;
  /** Tracks added to a downloaded set since: fetched too when the setting says so. */
  sync(setId: string, tracks: readonly Track[]): void;
  removeSet(id: string): Promise<void>;
  removeJob(key: string): Promise<void>;
  removeAll(): Promise<void>;
  pauseAll(): void;
  resumeAll(): void;
  retry(key: string): void;
  /** Runner reports (the runner tab only). */
  patchJob(key: string, patch: Partial<DownloadJob>): void;
  /** A run's patch and live bytes (null: none; undefined: unchanged) in one change. */
  report(key: string, patch: Partial<DownloadJob> | null, bytes: number | null | undefined): void;
  stop(reason: StopReason): void;
}

/**
 * While another tab runs the downloads, what the user asks for here goes to it (tab-group.ts);
 * otherwise this tab does it.
 */
let runner: ((ask: Ask) => Promise<void>) | null = null;
export function sendAsksTo(send: ((ask: Ask) => Promise<void>) | null): void {
  runner = send;
}

let ops: ReturnType<typeof createQueueOps> | null = null;
/** Does what was asked here (this tab runs the downloads). */
export const perform = (ask: Ask): Promise<void> => ops?.perform(ask) ?? Promise.resolve();
const ask = (a: Ask) => (runner ?? perform)(a);

/**
 * Tracks per ask: a 20,000-track playlist is queued a piece at a time, each piece's jobs made,
 * counted and (in another tab) sent in a task of its own rather than one long one (decision 021).
 */
const ENQUEUE_PIECE = 500;

async function enqueueInPieces(
  info: Omit<DownloadSet, 'v' | 'keys' | 'addedAt'>,
  tracks: readonly Track[],
  quality: DownloadQuality,
): Promise<void> {
  const list = tracks.length > 0 ? db.pieces(tracks, ENQUEUE_PIECE) : [tracks];
  for (const [i, piece] of list.entries()) {
    // Deleted while it was being queued: the rest isn't asked for.
    if (i > 0 && !useDownloadsStore.getState().sets[info.id]) return;
    const more = i < list.length - 1;
    await ask({ do: 'enqueue', set: info, tracks: piece, quality, more, continues: i > 0 });
    // Each piece in a task of its own (a piece's ask can settle at once, within this task).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** The download settings as stored: version 0 is every build before issue 14 (same shape). */
const settingsShape = persistedShape({
  version: 1,
  schema: v.object({
    quality: v.picklist(['original', '320', '192', '128']),
    keepUpdated: v.boolean(),
  }),
});

export const useDownloadsStore = create<DownloadsState>()(
  persist(
    (set, get) => {
      ops = createQueueOps(set, get);
      const local = ops;
      return {
        loaded: false,
        ...emptyJobState(),
        progress: {},
        paused: false,
        stopped: null,
        elsewhere: false,
        unreadable: 0,
        quality: 'original',
        keepUpdated: true,

        setQuality: (quality) => set({ quality }),
        setKeepUpdated: (keepUpdated) => set({ keepUpdated }),
        enqueue: (info, tracks) => void enqueueInPieces(info, tracks, get().quality),
        sync: (setId, tracks) => {
          const { keepUpdated, quality, sets } = get();
          if (keepUpdated && sets[setId]) void ask({ do: 'sync', setId, tracks, quality });
        },
        removeSet: (id) => ask({ do: 'remove-set', id }),
        removeJob: (key) => ask({ do: 'remove-job', key }),
        removeAll: () => ask({ do: 'remove-all' }),
        pauseAll: () => void ask({ do: 'pause' }),
        resumeAll: () => void ask({ do: 'resume' }),
        retry: (key) => void ask({ do: 'retry', key }),
        patchJob: local.patchJob,
        report: local.report,
        stop: local.stop,
      };
    },
    {
      name: 'download-settings',
      ...settingsShape<DownloadsState, DownloadSettings>(idbObjectStorage<DownloadSettings>()),
      partialize: (s) => ({ quality: s.quality, keepUpdated: s.keepUpdated }),
    },
  ),
);

/**
 * Records the last load found broken (the runner tab deletes them, and the jobs' files), and sets
 * it gave back jobs queued for them (the runner tab writes them).
 */
let broken: { jobs: string[]; sets: string[]; regained: string[] } = {
  jobs: [],
  sets: [],
  regained: [],
};
export const brokenRecords = () => broken;

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
  broken = { jobs: [], sets: [], regained: [] };
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
