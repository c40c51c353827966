import { useMemo } from 'react';
import type { DownloadsState } from '../features/downloads';
import type { DownloadedCopy, DownloadSetInfo } from '../lib/download-actions';
import { useDownloadsSelector } from './downloads-bridge';

/**
 * What the download records say a downloaded set is, for the library's screens when Plex's data
 * about it isn't on the device: the query cache keeps a week (and a new version that reads its
 * shape differently drops it), but a download is kept until the user removes it. A downloaded
 * playlist must open and play offline either way (docs/decisions/013).
 */
const noSets: DownloadsState['sets'] = {};
const noJobs: DownloadsState['jobs'] = {};

export function useDownloadedCopy(setId: string, needed: boolean): DownloadedCopy | null {
  const set = useDownloadsSelector((s) => (needed ? s.sets[setId] : undefined), undefined);
  // Only while needed: jobs change with every progress report, and a set can hold 20,000.
  const jobs = useDownloadsSelector((s) => (needed ? s.jobs : noJobs), noJobs);
  return useMemo(() => {
    if (!set) return null;
    const tracks = set.keys.flatMap((key) => {
      const job = jobs[key];
      return job ? [job.track] : [];
    });
    return { id: set.id, kind: set.kind, title: set.title, tracks };
  }, [set, jobs]);
}

export function useDownloadedSets(
  kind: DownloadSetInfo['kind'],
  serverId: string,
  needed: boolean,
): readonly DownloadSetInfo[] {
  const sets = useDownloadsSelector((s) => (needed ? s.sets : noSets), noSets);
  return useMemo(
    () =>
      Object.values(sets)
        .filter((set) => set.kind === kind && set.serverId === serverId)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map(({ id, title }) => ({ id, kind, title })),
    [sets, kind, serverId],
  );
}
