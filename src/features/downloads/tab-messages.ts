import type { Track } from '../../domain';
import type { DownloadJob, DownloadQuality, DownloadSet, StopReason } from './types';

/**
 * What the tabs of one PlexM8 say to each other about downloads (docs/decisions/016). One tab,
 * the holder of the download lock, runs the queue and is the only one that writes jobs and
 * sets; the others ask it to act and follow what it did.
 */

/** Something the user asked for in any tab; the runner tab performs it. */
export type Ask =
  | {
      do: 'enqueue';
      set: Omit<DownloadSet, 'v' | 'keys' | 'addedAt'>;
      tracks: readonly Track[];
      /** The asking tab's setting, as the user saw it. */
      quality: DownloadQuality;
      /**
       * More pieces of the same set follow: its record (up to 20,000 keys, cloned to disk and to
       * every tab) is written with the first piece and the last, not each one between.
       */
      more?: boolean;
      /**
       * A piece after the first: if its set is gone by the time it lands (deleted while being
       * queued), it is dropped rather than making the set anew.
       */
      continues?: boolean;
    }
  | { do: 'sync'; setId: string; tracks: readonly Track[]; quality: DownloadQuality }
  | { do: 'remove-set'; id: string }
  | { do: 'remove-job'; key: string }
  | { do: 'remove-all' }
  | { do: 'pause' }
  | { do: 'resume' }
  | { do: 'retry'; key: string };

/** What the runner tab did, once it is on disk (so a tab that reads the disk later sees it too). */
export type Change =
  | { t: 'jobs'; jobs: DownloadJob[] }
  | { t: 'gone'; keys: string[] }
  | { t: 'sets'; sets: DownloadSet[] }
  | { t: 'sets-gone'; ids: string[] }
  | { t: 'wiped' }
  /** Live bytes of the files downloading now (null: no longer downloading); ≤ 4 a second. */
  | { t: 'progress'; progress: Record<string, number | null> }
  | { t: 'flags'; paused: boolean; stopped: StopReason | null };

export type TabMessage =
  /** From the runner tab: `epoch` orders runner tabs (a later holder of the lock is newer). */
  | { t: 'change'; epoch: number; change: Change }
  /** A tab took the lock and loaded the queue: asks not yet done go to it. */
  | { t: 'hello'; epoch: number }
  | { t: 'ask'; id: string; ask: Ask }
  | { t: 'done'; id: string }
  /** Settings changed in a tab: the others show the same. */
  | { t: 'settings'; quality: DownloadQuality; keepUpdated: boolean };
