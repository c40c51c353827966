import type { Track } from '../../domain';
import { browserCanPlay, canPlayHere } from '../../lib/codecs';
import { findJob, keyOnDevice, type JobState } from './job-state';
import { jobKey, JOB_VERSION, type DownloadJob, type DownloadQuality } from './types';

/**
 * Whether this browser can't play the track's original file. Only a known codec the browser says
 * no to counts; a browser that plays nothing it is asked about (a test DOM) tells us nothing.
 */
function unplayableHere(track: Track, canPlay: (mime: string) => string): boolean {
  if (!track.media?.codec || canPlay('audio/mpeg') === '') return false;
  return !browserCanPlay(track, canPlay);
}

/**
 * The browser's answers, asked once per type for a whole enqueue: each asking costs a few
 * microseconds, 40,000 of them for a 20,000-track playlist.
 */
export function answersOnce(): (mime: string) => string {
  const answers = new Map<string, string>();
  return (mime) => {
    let answer = answers.get(mime);
    if (answer === undefined) answers.set(mime, (answer = canPlayHere(mime)));
    return answer;
  };
}

/** An original this browser can't play (ALAC in Chromium) comes as 320 kbps MP3 instead. */
export const qualityFor = (
  track: Track,
  quality: DownloadQuality,
  canPlay: (mime: string) => string = canPlayHere,
): DownloadQuality => (quality === 'original' && unplayableHere(track, canPlay) ? '320' : quality);

let seq = 0;
export const seenSeq = (n: number) => (seq = Math.max(seq, n));

/** What a slice of an enqueue found: keys in the set's order, and the jobs to write. */
export interface Slice {
  keys: string[];
  created: DownloadJob[];
  requeued: DownloadJob[];
  /** Index of the first track not looked at (tracks.length once all are). */
  next: number;
}

/** Tracks looked at between two looks at the clock. */
const CLOCK_EVERY = 25;

/**
 * Jobs for `tracks` from `from` on, until `deadline` (performance.now()) or `most` tracks: the
 * ones held are reused (a copy on the device at any quality, else this quality's job), failed
 * ones are asked again, the rest made. `made` carries the keys made earlier in the same enqueue.
 */
export function jobsFor(
  state: Pick<JobState, 'jobs' | 'onDevice'>,
  { id: setId, serverId }: { id: string; serverId: string },
  tracks: readonly Track[],
  quality: DownloadQuality,
  canPlay: (mime: string) => string,
  made: Set<string>,
  range: { from: number; deadline: number; most: number },
): Slice {
  const slice: Slice = { keys: [], created: [], requeued: [], next: range.from };
  const now = Date.now();
  const end = Math.min(tracks.length, range.from + range.most);
  slice.next = end;
  for (let i = range.from; i < end; i += 1) {
    if (
      i > range.from &&
      (i - range.from) % CLOCK_EVERY === 0 &&
      performance.now() > range.deadline
    ) {
      slice.next = i;
      break;
    }
    const track = tracks[i] as Track;
    if (!track.media) continue;
    const q = qualityFor(track, quality, canPlay);
    const existing =
      keyOnDevice(state.onDevice, track, serverId) ??
      findJob(state.jobs, serverId, track.media.partId, q)?.key;
    const key = existing ?? jobKey(serverId, track.media.partId, q);
    slice.keys.push(key);
    const job = state.jobs[key];
    if (job) {
      // Asked for again after failing: try again from the start of the backoff.
      if (job.status === 'failed')
        slice.requeued.push({ ...job, status: 'queued', attempts: 0, error: null, retryAt: null });
      continue;
    }
    if (made.has(key)) continue;
    made.add(key);
    slice.created.push({
      v: JOB_VERSION,
      key,
      track,
      quality: q,
      serverId,
      status: 'queued',
      bytes: 0,
      total: q === 'original' ? (track.media.size ?? null) : null,
      chunks: 0,
      validator: null,
      attempts: 0,
      retryAt: null,
      error: null,
      addedAt: now,
      seq: (seq += 1),
      queuedFor: setId,
    });
  }
  return slice;
}
