import type { StoreApi } from 'zustand';
import type { Track } from '../../domain';
import { browserCanPlay, canPlayHere } from '../../lib/codecs';
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
import * as out from './outbox';
import { addToSet } from './set-counts';
import type { Ask } from './tab-messages';
import {
  jobKey,
  RECORD_VERSION,
  type DownloadJob,
  type DownloadQuality,
  type DownloadSet,
} from './types';

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
function answersOnce(): (mime: string) => string {
  const answers = new Map<string, string>();
  return (mime) => {
    let answer = answers.get(mime);
    if (answer === undefined) answers.set(mime, (answer = canPlayHere(mime)));
    return answer;
  };
}

/** An original this browser can't play (ALAC in Chromium) comes as 320 kbps MP3 instead. */
const qualityFor = (
  track: Track,
  quality: DownloadQuality,
  canPlay: (mime: string) => string = canPlayHere,
): DownloadQuality => (quality === 'original' && unplayableHere(track, canPlay) ? '320' : quality);

let seq = 0;
export const seenSeq = (n: number) => (seq = Math.max(seq, n));

type SetState = StoreApi<DownloadsState>['setState'];
type GetState = StoreApi<DownloadsState>['getState'];

/**
 * What the tab that runs the queue does with what the user asked for (in this tab or another):
 * changes its state, writes the records, and tells the other tabs (outbox.ts).
 */
export function createQueueOps(set: SetState, get: GetState) {
  function patchJob(key: string, patch: Partial<DownloadJob>) {
    const job = get().jobs[key];
    if (!job) return; // removed: nothing of it is written back
    const next = { ...job, ...patch };
    set((s) => upsertJobs(s, [next]));
    out.persistJob(next);
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

  function enqueue(
    info: Extract<Ask, { do: 'enqueue' }>['set'],
    tracks: readonly Track[],
    quality: DownloadQuality,
    more = false,
    continues = false,
  ) {
    const state = get();
    // Deleted while it was being queued (the delete overtook this piece): it stays deleted.
    if (continues && !state.sets[info.id]) return Promise.resolve();
    const created: DownloadJob[] = [];
    const createdKeys = new Set<string>();
    const requeued: DownloadJob[] = [];
    const keys: string[] = [];
    const now = Date.now();
    const canPlay = answersOnce();
    for (const track of tracks) {
      if (!track.media) continue;
      const q = qualityFor(track, quality, canPlay);
      const existing =
        keyOnDevice(state.onDevice, track, info.serverId) ??
        findJob(state.jobs, info.serverId, track.media.partId, q)?.key;
      const key = existing ?? jobKey(info.serverId, track.media.partId, q);
      keys.push(key);
      const job = state.jobs[key];
      if (job) {
        // Asked for again after failing: try again from the start of the backoff.
        if (job.status === 'failed')
          requeued.push({ ...job, status: 'queued', attempts: 0, error: null, retryAt: null });
        continue;
      }
      if (createdKeys.has(key)) continue;
      createdKeys.add(key);
      created.push({
        v: RECORD_VERSION,
        key,
        track,
        quality: q,
        serverId: info.serverId,
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
      });
    }
    // Keys the set doesn't hold yet, found through the index: O(piece), not O(set).
    const added = [...new Set(keys)].filter((k) => !state.setIndex.get(k)?.includes(info.id));
    const previous = state.sets[info.id];
    const downloadSet: DownloadSet = {
      ...info,
      v: RECORD_VERSION,
      keys: previous ? [...previous.keys, ...added] : added,
      addedAt: previous?.addedAt ?? now,
    };
    set((s) => {
      const changed = upsertJobs(s, [...requeued, ...created]);
      return { ...changed, ...addToSet({ ...s, ...changed }, downloadSet, added) };
    });
    for (const job of [...requeued, ...created]) out.persistJob(job);
    // A tab closed between the pieces leaves the set as first written; its other jobs stay,
    // listed on the Downloads screen, and asking for the playlist again adds them to it.
    return previous && more ? Promise.resolve() : out.persistSet(downloadSet);
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
    setProgress(key: string, bytes: number | null) {
      set((s) => ({
        progress: bytes === null ? without(s.progress, [key]) : { ...s.progress, [key]: bytes },
      }));
      out.reportProgress(key, bytes);
    },
    stop: (reason: string) => setFlags({ stopped: reason }),
  };
}
