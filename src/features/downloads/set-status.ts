import type { DownloadSetStatus } from './list-hooks';
import type { SetCount } from './set-counts';
import type { DownloadSet } from './types';

/** How far a playlist's or album's download has got, from its counts (kept as jobs change). */
export function setStatusOf(
  set: DownloadSet | undefined,
  count: SetCount | undefined,
): DownloadSetStatus | null {
  if (!set) return null;
  const done = count?.done ?? 0;
  const total = set.keys.length;
  return { done, failed: count?.failed ?? 0, total, complete: done === total };
}
