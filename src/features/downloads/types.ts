import type { Track } from '../../domain';

export type DownloadQuality = 'original' | '320' | '192' | '128';
export type JobStatus = 'queued' | 'downloading' | 'done' | 'failed';

/**
 * The versions of the job and set records written now (stored-records.ts reads older ones).
 * 1: every build before issue 14 (no `v` field). 2: keys carry the server; jobs keep a validator.
 * 3 (jobs only): a failure is a code, not a sentence (decision 028).
 */
export const JOB_VERSION = 3;
export const SET_VERSION = 2;

/**
 * Why a download failed, as the runner found it. The screen words it (describe-failure.ts);
 * `unknown` is a sentence an older build stored that this one doesn't recognise.
 */
export type DownloadFailure =
  | { code: 'http'; status: number }
  | { code: 'stalled'; seconds: number }
  | {
      code: 'incomplete' | 'dropped' | 'not-converted' | 'cors' | 'storage-refused' | 'unknown';
    };

/** Why downloads stopped on their own, until the user resumes. */
export type StopReason = 'storage-full';

/**
 * One file to fetch: a track's part on one server at one quality. The key is an opaque name for
 * the job and its file, never a URL. Jobs written since version 2 are keyed `server:part@quality`;
 * older ones keep their `part@quality` key (their files stay where they are) and are found by the
 * server they carry (docs/decisions/016).
 */
export interface DownloadJob {
  v: typeof JOB_VERSION;
  key: string;
  track: Track;
  quality: DownloadQuality;
  /** The server the part lives on (its machineIdentifier). */
  serverId: string;
  status: JobStatus;
  /** Bytes saved so far (in finished chunks, so a reload resumes from here). */
  bytes: number;
  /** Expected size when known (Plex gives the original's size; a transcode may not say). */
  total: number | null;
  /** Partial chunks saved for this job. */
  chunks: number;
  /**
   * What the server said identifies this version of the file (a strong ETag, else
   * Last-Modified) when the saved chunks were fetched: sent as `If-Range` on resuming.
   */
  validator: string | null;
  attempts: number;
  /** Not before this time (ms since epoch): retries back off. */
  retryAt: number | null;
  /** Why the last attempt failed (kept while it waits to retry); null once it succeeds. */
  error: DownloadFailure | null;
  addedAt: number;
  seq: number;
  /**
   * The set whose enqueue made this job. A set queued in pieces has its record written with the
   * first piece and the last: a tab closed between them left the pieces' jobs on disk outside it,
   * and the next load puts them back in it (downloads-store.ts), so deleting it removes them too.
   */
  queuedFor?: string;
}

/** A playlist, album or single track the user asked to keep offline. */
export interface DownloadSet {
  v: typeof SET_VERSION;
  /** Carries the server already (`playlist:<server>:<id>`). */
  id: string;
  kind: 'playlist' | 'album' | 'track';
  title: string;
  serverId: string;
  /** Job keys, in the set's order. */
  keys: string[];
  addedAt: number;
}

/** A new job's key: the server's part ids are its own, another server's 5004 is another song. */
export const jobKey = (serverId: string, partId: number, quality: DownloadQuality) =>
  `${serverId}:${partId}@${quality}`;

/** How version 1 named jobs, before keys carried the server. */
export const legacyJobKey = (partId: number, quality: DownloadQuality) => `${partId}@${quality}`;

/** A part on a server, for finding its copy on the device. */
export const copyKey = (serverId: string, partId: number) => `${serverId}:${partId}`;
