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

export function useDownloadedCopy(setId: string, needed: boolean): DownloadedCopy | null {
  const set = useDownloadsSelector((s) => (needed ? s.sets[setId] : undefined), undefined);
  // Only while needed: a set can hold 20,000. `jobs` is changed in place (its revision says
  // when); what is read here is each job's track, which a download doesn't change.
  const jobs = useDownloadsSelector((s) => (needed ? s.jobs : undefined), undefined);
  const count = useDownloadsSelector((s) => (needed ? s.order.length : 0), 0);
  return useMemo(() => {
    if (!set || !jobs) return null;
    const tracks = set.keys.flatMap((key) => {
      const job = jobs[key];
      return job ? [job.track] : [];
    });
    return { id: set.id, kind: set.kind, title: set.title, tracks };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- count: jobs added or gone
  }, [set, jobs, count]);
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
