import { useDownloadsStore } from './downloads-store';
import { oldFailure } from './failures';
import { dropJobs, setsNow, upsertJobs, wipedJobState, without } from './job-state';
import type { Change } from './tab-messages';
import type { DownloadJob } from './types';

/**
 * A tab of a build before decision 028, still open after an update, sends failures as sentences:
 * read them as the codes they stand for, as its records are read (stored-records.ts).
 */
const fromOlderTab = (job: DownloadJob): DownloadJob =>
  typeof job.error === 'string' ? { ...job, error: oldFailure(job.error) } : job;

/** What the runner tab did, shown in a tab that follows it (written already: nothing is saved). */
export function applyChange(change: Change): void {
  const store = useDownloadsStore;
  switch (change.t) {
    case 'jobs':
      store.setState((s) => {
        // A job no longer downloading has no live progress left to show.
        const settled = change.jobs.filter((j) => j.status !== 'downloading').map((j) => j.key);
        const jobs = change.jobs.map(fromOlderTab);
        return { ...upsertJobs(s, jobs), progress: without(s.progress, settled) };
      });
      return;
    case 'gone':
      store.setState((s) => ({
        ...dropJobs(s, change.keys),
        progress: without(s.progress, change.keys),
      }));
      return;
    case 'sets':
      store.setState((s) =>
        setsNow(s, { ...s.sets, ...Object.fromEntries(change.sets.map((set) => [set.id, set])) }),
      );
      return;
    case 'sets-gone':
      store.setState((s) => setsNow(s, without(s.sets, change.ids)));
      return;
    case 'wiped':
      store.setState((s) => ({ ...wipedJobState(s), progress: {}, stopped: null }));
      return;
    case 'progress':
      store.setState((s) => {
        const live = Object.entries({ ...s.progress, ...change.progress }).filter(
          (entry): entry is [string, number] =>
            entry[1] !== null && s.jobs[entry[0]]?.status === 'downloading',
        );
        return { progress: Object.fromEntries(live) };
      });
      return;
    case 'flags':
      // (An older tab sends its sentence: full storage is the only reason any build stops.)
      store.setState({ paused: change.paused, stopped: change.stopped && 'storage-full' });
  }
}
