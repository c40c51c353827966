import type { Track } from '../../domain';

export type DownloadQuality = 'original' | '320' | '192' | '128';
export type JobStatus = 'queued' | 'downloading' | 'done' | 'failed';

/** One file to fetch: a track's part at one quality. Keyed by part id and quality, never a URL. */
export interface DownloadJob {
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
  attempts: number;
  /** Not before this time (ms since epoch): retries back off. */
  retryAt: number | null;
  error: string | null;
  addedAt: number;
  seq: number;
}

/** A playlist, album or single track the user asked to keep offline. */
export interface DownloadSet {
  id: string;
  kind: 'playlist' | 'album' | 'track';
  title: string;
  serverId: string;
  /** Job keys, in the set's order. */
  keys: string[];
  addedAt: number;
}

export const jobKey = (partId: number, quality: DownloadQuality) => `${partId}@${quality}`;
