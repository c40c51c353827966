import * as v from 'valibot';
import { create, type StoreApi } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Track } from '../../domain';
import { idbObjectStorage } from '../../lib/idb';
import { persistedShape } from '../../lib/persisted-shape';
import { emptyJobState, type JobState } from './job-state';
import type { QueueOps } from './queue-ops';
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

/**
 * The queue's work (records, files, the other tabs) is the downloads module's, loaded after the
 * first paint; the store is eager so the screens read it without waiting (decision 030). Until
 * the module installs its operations nothing can have been asked: the way to ask is through
 * `loadDownloads` (load.ts), which brings the module first.
 */
let ops: QueueOps | null = null;
export function installQueueOps(make: (set: SetState, get: GetState) => QueueOps): void {
  ops ??= make(useDownloadsStore.setState, useDownloadsStore.getState);
}
type SetState = StoreApi<DownloadsState>['setState'];
type GetState = StoreApi<DownloadsState>['getState'];

/** Does what was asked here (this tab runs the downloads). */
export const perform = (ask: Ask): Promise<void> => ops?.perform(ask) ?? Promise.resolve();
const ask = (a: Ask) => (runner ?? perform)(a);

/**
 * Tracks per ask: a 20,000-track playlist is queued a piece at a time, each piece's jobs made,
 * counted and (in another tab) sent in a task of its own rather than one long one (decision 021).
 */
const ENQUEUE_PIECE = 500;

const piecesOf = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) =>
    list.slice(i * size, (i + 1) * size),
  );

async function enqueueInPieces(
  info: Omit<DownloadSet, 'v' | 'keys' | 'addedAt'>,
  tracks: readonly Track[],
  quality: DownloadQuality,
): Promise<void> {
  const list = tracks.length > 0 ? piecesOf(tracks, ENQUEUE_PIECE) : [tracks];
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
        patchJob: (key, patch) => ops?.patchJob(key, patch),
        report: (key, patch, bytes) => ops?.report(key, patch, bytes),
        stop: (reason) => ops?.stop(reason),
      };
    },
    {
      name: 'download-settings',
      ...settingsShape<DownloadsState, DownloadSettings>(idbObjectStorage<DownloadSettings>()),
      partialize: (s) => ({ quality: s.quality, keepUpdated: s.keepUpdated }),
    },
  ),
);
