import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Track } from '../../domain';
import { browserCanPlay, canPlayHere } from '../../lib/codecs';
import { idbObjectStorage } from '../../lib/idb';
import * as db from './download-db';
import { jobKey, type DownloadJob, type DownloadQuality, type DownloadSet } from './types';

/**
 * Whether this browser can't play the track's original file. Only a known codec the browser says
 * no to counts; a browser that plays nothing it is asked about (a test DOM) tells us nothing.
 */
function unplayableHere(track: Track): boolean {
  if (!track.media?.codec || canPlayHere('audio/mpeg') === '') return false;
  return !browserCanPlay(track, canPlayHere);
}

export interface DownloadSettings {
  quality: DownloadQuality;
  /** A downloaded playlist fetches tracks newly added to it when it is refreshed. */
  keepUpdated: boolean;
}

export interface DownloadsState extends DownloadSettings {
  loaded: boolean;
  jobs: Record<string, DownloadJob>;
  /** Job keys in the order they were asked for: the queue runs in this order. */
  order: string[];
  sets: Record<string, DownloadSet>;
  /** Part id → the key of its finished copy: changes only when a file finishes or goes. */
  onDevice: Record<number, string>;
  /** Live bytes of the jobs downloading now (saved bytes are in the job). */
  progress: Record<string, number>;
  paused: boolean;
  /** Why downloads stopped on their own (storage full), until the user resumes. */
  stopped: string | null;

  setQuality(quality: DownloadQuality): void;
  setKeepUpdated(on: boolean): void;
  /**
   * Adds a playlist, album or track; tracks already downloaded (any quality) are reused. An
   * original this browser can't play (ALAC in Chromium) comes as 320 kbps MP3 instead: a file
   * that can't play offline is no download.
   */
  enqueue(set: Omit<DownloadSet, 'keys' | 'addedAt'>, tracks: readonly Track[]): void;
  /** Tracks added to a downloaded set since: fetched too when the setting says so. */
  sync(setId: string, tracks: readonly Track[]): void;
  removeSet(id: string): Promise<void>;
  removeJob(key: string): Promise<void>;
  removeAll(): Promise<void>;
  pauseAll(): void;
  resumeAll(): void;
  retry(key: string): void;
  /** Runner reports. */
  patchJob(key: string, patch: Partial<DownloadJob>): void;
  setProgress(key: string, bytes: number | null): void;
  stop(reason: string): void;
}

let seq = 0;

/** A copy of `record` without `keys`. */
function without<T>(record: Record<string, T>, keys: Iterable<string>): Record<string, T> {
  const gone = new Set(keys);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !gone.has(k)));
}

/** Job records are written in one transaction per task, however many changed. */
const dirty = new Map<string, DownloadJob>();
let flushTimer: ReturnType<typeof setTimeout> | null = null;
function persistJob(job: DownloadJob) {
  dirty.set(job.key, job);
  flushTimer ??= setTimeout(() => {
    flushTimer = null;
    const list = [...dirty.values()];
    dirty.clear();
    void db.saveJobs(list).catch(() => undefined);
  }, 0);
}

/** A finished copy of this track's part on the device, at any quality. */
export function keyOnDevice(onDevice: Record<number, string>, track: Track): string | null {
  const partId = track.media?.partId;
  return partId === undefined ? null : (onDevice[partId] ?? null);
}

function onDeviceOf(jobs: Iterable<DownloadJob>): Record<number, string> {
  const map: Record<number, string> = {};
  for (const job of jobs) {
    const partId = job.track.media?.partId;
    if (job.status === 'done' && partId !== undefined) map[partId] ??= job.key;
  }
  return map;
}

export const useDownloadsStore = create<DownloadsState>()(
  persist(
    (set, get) => {
      /** Keys no set refers to any more: their jobs and files go. */
      async function dropOrphans(candidates: string[]) {
        const { sets, jobs } = get();
        const used = new Set(Object.values(sets).flatMap((s) => s.keys));
        const orphans = candidates.filter((k) => !used.has(k) && jobs[k]);
        if (orphans.length === 0) return;
        const dropped = orphans.map((k) => jobs[k] as DownloadJob);
        set((s) => {
          const next = without(s.jobs, orphans);
          const gone = new Set(orphans);
          return {
            jobs: next,
            order: s.order.filter((k) => !gone.has(k)),
            onDevice: onDeviceOf(Object.values(next)),
          };
        });
        for (const k of orphans) dirty.delete(k);
        await db.deleteJobs(orphans);
        await Promise.all(dropped.map((j) => db.dropFiles(j.key, j.chunks)));
      }

      return {
        loaded: false,
        jobs: {},
        order: [],
        sets: {},
        onDevice: {},
        progress: {},
        paused: false,
        stopped: null,
        quality: 'original',
        keepUpdated: true,

        setQuality: (quality) => set({ quality }),
        setKeepUpdated: (keepUpdated) => set({ keepUpdated }),

        enqueue: (info, tracks) => {
          const state = get();
          const jobs = { ...state.jobs };
          const order = [...state.order];
          const keys: string[] = [];
          const now = Date.now();
          for (const track of tracks) {
            if (!track.media) continue;
            const existing = keyOnDevice(state.onDevice, track);
            const quality =
              state.quality === 'original' && unplayableHere(track) ? '320' : state.quality;
            const key = existing ?? jobKey(track.media.partId, quality);
            keys.push(key);
            if (jobs[key]) {
              const job = jobs[key];
              // Asked for again after failing: try again from the start of the backoff.
              if (job.status === 'failed') {
                jobs[key] = { ...job, status: 'queued', attempts: 0, error: null, retryAt: null };
                persistJob(jobs[key]);
              }
              continue;
            }
            const job: DownloadJob = {
              key,
              track,
              quality,
              serverId: info.serverId,
              status: 'queued',
              bytes: 0,
              total: quality === 'original' ? (track.media.size ?? null) : null,
              chunks: 0,
              attempts: 0,
              retryAt: null,
              error: null,
              addedAt: now,
              seq: (seq += 1),
            };
            jobs[key] = job;
            order.push(key);
            persistJob(job);
          }
          const previous = state.sets[info.id];
          const merged = previous ? [...new Set([...previous.keys, ...keys])] : keys;
          const downloadSet: DownloadSet = {
            ...info,
            keys: merged,
            addedAt: previous?.addedAt ?? now,
          };
          set({ jobs, order, sets: { ...state.sets, [info.id]: downloadSet } });
          void db.saveSet(downloadSet);
        },

        sync: (setId, tracks) => {
          const state = get();
          const existing = state.sets[setId];
          if (!existing || !state.keepUpdated) return;
          const known = new Set(existing.keys);
          const added = tracks.filter((t) => {
            if (!t.media) return false;
            const onDevice = keyOnDevice(state.onDevice, t);
            return (
              !(onDevice && known.has(onDevice)) &&
              !known.has(jobKey(t.media.partId, state.quality))
            );
          });
          if (added.length > 0) get().enqueue(existing, added);
        },

        removeSet: async (id) => {
          const doomed = get().sets[id];
          if (!doomed) return;
          set((s) => ({ sets: without(s.sets, [id]) }));
          await db.deleteSet(id);
          await dropOrphans(doomed.keys);
        },

        removeJob: async (key) => {
          const sets = Object.values(get().sets).filter((s) => s.keys.includes(key));
          for (const s of sets) {
            const next = { ...s, keys: s.keys.filter((k) => k !== key) };
            if (next.keys.length === 0) {
              set((st) => ({ sets: without(st.sets, [s.id]) }));
              await db.deleteSet(s.id);
            } else {
              set((st) => ({ sets: { ...st.sets, [s.id]: next } }));
              await db.saveSet(next);
            }
          }
          await dropOrphans([key]);
        },

        removeAll: async () => {
          set({ jobs: {}, order: [], sets: {}, onDevice: {}, progress: {}, stopped: null });
          dirty.clear();
          await db.wipeDownloads();
        },

        pauseAll: () => set({ paused: true }),
        resumeAll: () => set({ paused: false, stopped: null }),
        retry: (key) =>
          get().patchJob(key, { status: 'queued', attempts: 0, error: null, retryAt: null }),

        patchJob: (key, patch) => {
          const job = get().jobs[key];
          if (!job) return;
          const next = { ...job, ...patch };
          const partId = job.track.media?.partId;
          set((s) => {
            const jobs = { ...s.jobs, [key]: next };
            if (partId === undefined || (job.status === 'done') === (next.status === 'done'))
              return { jobs };
            if (next.status === 'done') return { jobs, onDevice: { ...s.onDevice, [partId]: key } };
            return { jobs, onDevice: onDeviceOf(Object.values(jobs)) };
          });
          persistJob(next);
        },
        setProgress: (key, bytes) =>
          set((s) => ({
            progress: bytes === null ? without(s.progress, [key]) : { ...s.progress, [key]: bytes },
          })),
        stop: (reason) => set({ stopped: reason }),
      };
    },
    {
      name: 'download-settings',
      storage: idbObjectStorage<DownloadSettings>(),
      partialize: (s) => ({ quality: s.quality, keepUpdated: s.keepUpdated }),
    },
  ),
);

/** Reads the jobs and sets saved by earlier visits; a job cut off mid-download is queued again. */
export async function loadDownloads(): Promise<void> {
  const [jobs, sets] = await Promise.all([db.loadJobs(), db.loadSets()]);
  jobs.sort((a, b) => a.addedAt - b.addedAt || a.seq - b.seq);
  seq = Math.max(seq, ...jobs.map((j) => j.seq));
  const byKey: Record<string, DownloadJob> = {};
  for (const job of jobs)
    byKey[job.key] = job.status === 'downloading' ? { ...job, status: 'queued' } : job;
  useDownloadsStore.setState({
    loaded: true,
    jobs: byKey,
    order: jobs.map((j) => j.key),
    sets: Object.fromEntries(sets.map((s) => [s.id, s])),
    onDevice: onDeviceOf(jobs),
  });
}
