import type { DownloadSetStatus } from '../../lib/download-actions';
import type { DownloadJob, DownloadSet } from './types';

/** How far a playlist's or album's download has got. */
export function setStatusOf(
  set: DownloadSet | undefined,
  jobs: Record<string, DownloadJob>,
): DownloadSetStatus | null {
  if (!set) return null;
  let done = 0;
  let failed = 0;
  for (const key of set.keys) {
    const status = jobs[key]?.status;
    if (status === 'done') done += 1;
    else if (status === 'failed') failed += 1;
  }
  return { done, failed, total: set.keys.length, complete: done === set.keys.length };
}
