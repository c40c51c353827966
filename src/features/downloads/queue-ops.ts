import type { StoreApi } from 'zustand';
import type { Track } from '../../domain';
import { yieldToMain } from '../../lib/yield-to-main';
import { stopRuns } from './active-runs';
import * as db from './download-db';
import type { DownloadsState } from './downloads-store';
import {
  dropJobs,
  findJob,
  keyOnDevice,
  setsNow,
  upsertJobs,
  wipedJobState,
  without,
} from './job-state';
import { answersOnce, jobsFor, qualityFor } from './new-jobs';
import * as out from './outbox';
import { addToSet } from './set-counts';
import type { Ask } from './tab-messages';
import {
  SET_VERSION,
  type DownloadJob,
  type DownloadQuality,
  type DownloadSet,
  type StopReason,
} from './types';

/**
 * An enqueue's work per task: its tracks are made into jobs a slice at a time, each slice (its
 * jobs, the set's index and counts, the render that follows) a task of its own, so queueing
 * 20,000 tracks never holds the page for long (decision 026). The clock, not a count, ends a
 * slice: a busy machine stretches the same work several times over (decision 026).
 */
const SLICE_MS = 8;
const SLICE_MOST = 250;

type SetState = StoreApi<DownloadsState>['setState'];
type GetState = StoreApi<DownloadsState>['getState'];

/**
 * What the tab that runs the queue does with what the user asked for (in this tab or another):
 * changes its state, writes the records, and tells the other tabs (outbox.ts).
 */
export type QueueOps = ReturnType<typeof createQueueOps>;

export function createQueueOps(set: SetState, get: GetState) {
  function patchJob(key: string, patch: Partial<DownloadJob>) {
    const job = get().jobs[key];
    if (!job) return; // removed: nothing of it is written back
    const next = { ...job, ...patch };
    set((s) => upsertJobs(s, [next]));
    out.persistJob(next);
  }

  /**
   * A run's changes gathered (run-updates.ts) as one state change, so one render: its job's
   * patch, and its live bytes (null: none any more; undefined: as they were).
   */
  function report(
    key: string,
    patch: Partial<DownloadJob> | null,
    bytes: number | null | undefined,
  ) {
    const job = get().jobs[key];
    const next = job && patch ? { ...job, ...patch } : null; // removed: nothing written back
    const shown = key in get().progress;
    // (Live bytes only for a job that is there; none to take away if none were shown.)
    const live = bytes === undefined || (bytes === null ? !shown : !job) ? undefined : bytes;
    if (!next && live === undefined) return;
    set((s) => ({
      ...(next ? upsertJobs(s, [next]) : {}),
      ...(live === undefined
        ? {}
        : {
            progress: live === null ? without(s.progress, [key]) : { ...s.progress, [key]: live },
          }),
    }));
    if (next) out.persistJob(next);
    if (live !== undefined) out.reportProgress(key, live);
  }

  /** Keys no set refers to any more: their jobs and files go, once nothing can still write them. */
  async function dropOrphans(candidates: string[]) {
    const { setIndex, jobs } = get();
    const orphans = candidates.filter((k) => !setIndex.get(k)?.length && jobs[k]);
    if (orphans.length === 0) return;
    const dropped = orphans.flatMap((k) => jobs[k] ?? []);
    set((s) => ({ ...dropJobs(s, orphans), progress: without(s.progress, orphans) }));
    out.forgetJobs(orphans);
    await stopRuns(orphans);
    await out.deleteJobs(orphans);
    await db.dropFilesOf(dropped);
  }

  /**
   * Adds `tracks` to the set a slice at a time (SLICE_MS), other tasks running between the
   * slices; resolves once all are in, and the set's record written when it is due: a set asked for
   * in pieces (`more`) is written with its first piece and its last.
   */
  async function enqueue(
    info: Extract<Ask, { do: 'enqueue' }>['set'],
    tracks: readonly Track[],
    quality: DownloadQuality,
    more = false,
    continues = false,
  ): Promise<void> {
    const previous = get().sets[info.id];
    const canPlay = answersOnce();
    const made = new Set<string>();
    let from = 0;
    let first = true;
    do {
      if (!first) await yieldToMain();
      const state = get();
      // Deleted while it was being queued (the delete overtook this piece): it stays deleted.
      if ((continues || !first) && !state.sets[info.id]) return;
      const slice = jobsFor(state, info, tracks, quality, canPlay, made, {
        from,
        deadline: performance.now() + SLICE_MS,
        most: SLICE_MOST,
      });
      from = slice.next;
      first = false;
      // Keys the set doesn't hold yet, found through the index: O(slice), not O(set).
      const added = [...new Set(slice.keys)].filter(
        (k) => !state.setIndex.get(k)?.includes(info.id),
      );
      const held = state.sets[info.id];
      const downloadSet: DownloadSet = {
        ...info,
        v: SET_VERSION,
        keys: held ? [...held.keys, ...added] : added,
        addedAt: held?.addedAt ?? Date.now(),
      };
      const changed = [...slice.requeued, ...slice.created];
      set((s) => {
        const jobs = upsertJobs(s, changed);
        return { ...jobs, ...addToSet({ ...s, ...jobs }, downloadSet, added) };
      });
      for (const job of changed) out.persistJob(job);
    } while (from < tracks.length);
    const now = get().sets[info.id];
    // A tab closed between the pieces leaves the set as first written: the next load puts the
    // later pieces' jobs back in it by their `queuedFor`.
    if (!now || (previous && more)) return;
    // In a task of its own: its record can hold 20,000 keys, cloned as it is written.
    await yieldToMain();
    const last = get().sets[info.id];
    if (last) await out.persistSet(last);
  }

  function sync(setId: string, tracks: readonly Track[], quality: DownloadQuality) {
    const state = get();
    const existing = state.sets[setId];
    if (!existing) return Promise.resolve();
    const known = new Set(existing.keys);
    const canPlay = answersOnce();
    const added = tracks.filter((t) => {
      if (!t.media) return false;
      const copy = keyOnDevice(state.onDevice, t, existing.serverId);
      const job = findJob(
        state.jobs,
        existing.serverId,
        t.media.partId,
        qualityFor(t, quality, canPlay),
      );
      return !(copy && known.has(copy)) && !(job && known.has(job.key));
    });
    return added.length > 0 ? enqueue(existing, added, quality) : Promise.resolve();
  }

  async function removeSet(id: string) {
    const doomed = get().sets[id];
    if (!doomed) return;
    set((s) => setsNow(s, without(s.sets, [id])));
    await out.deleteSets([id]);
    await dropOrphans(doomed.keys);
  }

  async function removeJob(key: string) {
    const { sets, setIndex } = get();
    const holding = (setIndex.get(key) ?? []).flatMap((id) => sets[id] ?? []);
    for (const s of holding) {
      const next = { ...s, keys: s.keys.filter((k) => k !== key) };
      if (next.keys.length === 0) {
        set((st) => setsNow(st, without(st.sets, [s.id])));
        await out.deleteSets([s.id]);
      } else {
        set((st) => setsNow(st, { ...st.sets, [s.id]: next }));
        await out.persistSet(next);
      }
    }
    await dropOrphans([key]);
  }

  async function removeAll() {
    set((s) => ({ ...wipedJobState(s), progress: {}, stopped: null }));
    out.forgetJobs();
    await stopRuns();
    await out.settleWrites(); // (a write still in pieces would land after the wipe)
    await db.wipeDownloads();
    out.announce({ t: 'wiped' });
  }

  function setFlags(flags: Partial<Pick<DownloadsState, 'paused' | 'stopped'>>) {
    set(flags);
    const { paused, stopped } = get();
    out.announce({ t: 'flags', paused, stopped });
  }

  /** One thing the user asked for, done here. */
  function perform(ask: Ask): Promise<void> {
    switch (ask.do) {
      case 'enqueue':
        return enqueue(ask.set, ask.tracks, ask.quality, ask.more, ask.continues);
      case 'sync':
        return sync(ask.setId, ask.tracks, ask.quality);
      case 'remove-set':
        return removeSet(ask.id);
      case 'remove-job':
        return removeJob(ask.key);
      case 'remove-all':
        return removeAll();
      case 'pause':
        setFlags({ paused: true });
        return Promise.resolve();
      case 'resume':
        setFlags({ paused: false, stopped: null });
        return Promise.resolve();
      case 'retry':
        patchJob(ask.key, { status: 'queued', attempts: 0, error: null, retryAt: null });
        return Promise.resolve();
    }
  }

  return {
    perform,
    patchJob,
    report,
    stop: (reason: StopReason) => setFlags({ stopped: reason }),
  };
}
