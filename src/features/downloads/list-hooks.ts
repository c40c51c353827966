import { useMemo } from 'react';
import type { Track } from '../../domain';
import { useOnline } from '../../lib/use-online';
import { keyOnDevice, useDownloadsStore, type DownloadsState } from './downloads-store';
import { setStatusOf } from './set-status';
import type { DownloadSet } from './types';

type DownloadSetKind = DownloadSet['kind'];

/** Whether a track can play now: from a copy on the device, streamed, or not at all (offline). */
export type Availability = 'downloaded' | 'stream' | 'unavailable';

export interface DownloadSetStatus {
  done: number;
  total: number;
  failed: number;
  /** Every track is on the device. */
  complete: boolean;
}

export interface DownloadSetInfo {
  id: string;
  kind: DownloadSetKind;
  title: string;
}

/**
 * A downloaded set as its own records know it: enough to list and play it when Plex's data about
 * it isn't on the device (the cached copy expired, or a new version couldn't read the old one).
 */
export interface DownloadedCopy extends DownloadSetInfo {
  /** The set's tracks in its order, as they were when downloaded. */
  tracks: readonly Track[];
}

/** How far a playlist's or album's download has got (null: not downloaded). */
export function useSetStatus(setId: string): DownloadSetStatus | null {
  const set = useDownloadsStore((s) => s.sets[setId]);
  // Counts kept as jobs change: nothing here walks a 20,000-track set per progress report.
  const count = useDownloadsStore((s) => s.setCounts[setId]);
  return useMemo(() => setStatusOf(set, count), [set, count]);
}

/**
 * For the lists on screen, which are `serverId`'s: only its own copies count (part ids collide
 * between servers). A function that changes when downloads or the network change.
 */
export function useAvailability(serverId: string | null): (track: Track) => Availability {
  // `onDevice` is changed in place as files finish; its revision says when (job-state.ts).
  const onDeviceRev = useDownloadsStore((s) => s.onDeviceRev);
  const online = useOnline();
  return useMemo(
    () => (track: Track) => {
      const { onDevice } = useDownloadsStore.getState();
      if (keyOnDevice(onDevice, track, serverId)) return 'downloaded';
      return online ? 'stream' : 'unavailable';
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onDeviceRev stands for onDevice
    [onDeviceRev, serverId, online],
  );
}

/**
 * What the download records say a downloaded set is, for the library's screens when Plex's data
 * about it isn't on the device: the query cache keeps a week (and a new version that reads its
 * shape differently drops it), but a download is kept until the user removes it. A downloaded
 * playlist must open and play offline either way (docs/decisions/013). Read only while `needed`:
 * it walks every track of the set.
 */
export function useDownloadedCopy(setId: string, needed: boolean): DownloadedCopy | null {
  const set = useDownloadsStore((s) => (needed ? s.sets[setId] : undefined));
  // Only while needed: a set can hold 20,000. `jobs` is changed in place (its revision says
  // when); what is read here is each job's track, which a download doesn't change.
  const jobs = useDownloadsStore((s) => (needed ? s.jobs : undefined));
  const count = useDownloadsStore((s) => (needed ? s.order.length : 0));
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

const noSets: DownloadsState['sets'] = {};

/** The sets of one kind downloaded from a server, while `needed`. */
export function useDownloadedSets(
  kind: DownloadSetKind,
  serverId: string,
  needed: boolean,
): readonly DownloadSetInfo[] {
  const sets = useDownloadsStore((s) => (needed ? s.sets : noSets));
  return useMemo(
    () =>
      Object.values(sets)
        .filter((set) => set.kind === kind && set.serverId === serverId)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map(({ id, title }) => ({ id, kind, title })),
    [sets, kind, serverId],
  );
}
