import type { JobState } from './job-state';

/**
 * Bytes of every download, finished or saved so far, with the live bytes of the few files
 * arriving now (written within a second, a chunk at a time): O(files running), not O(jobs).
 */
export function liveBytes(
  s: Pick<JobState, 'summary' | 'jobs'> & { progress: Record<string, number> },
) {
  let bytes = s.summary.bytes;
  for (const [key, live] of Object.entries(s.progress)) bytes += live - (s.jobs[key]?.bytes ?? 0);
  return bytes;
}
