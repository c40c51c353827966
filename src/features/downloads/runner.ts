import { answersAtAll, onWindowOnline } from '../../lib/network-status';
import { writesAllowed } from '../../lib/write-gate';
import { abortRuns, claimRun, isRunning, runningCount, stopRuns } from './active-runs';
import * as db from './download-db';
import { HttpStatus, SizeMismatch, SourceRefused, Stalled } from './download-errors';
import { useDownloadsStore } from './downloads-store';
import { fetchPart, INACTIVITY_MS, type DownloadSource, type Held } from './fetch-part';
import type { DownloadFailure, DownloadJob } from './types';

export { SourceRefused } from './download-errors';
export type { DownloadSource } from './fetch-part';

export interface RunnerDeps {
  /** Where to fetch a job right now, or null while its server isn't connected. */
  sourceFor(job: DownloadJob): DownloadSource | null | Promise<DownloadSource | null>;
  /** The server answers but won't let scripts read its files (CORS). Default: ask it (below). */
  corsRefused?(url: string): Promise<boolean>;
  isOnline(): boolean;
  /** Calls back when the network returns (default: the window's 'online' event). */
  whenOnline?(listener: () => void): () => void;
  fetchImpl?: typeof fetch;
  /** Backoff before retry n (1-based). */
  backoffMs?: (attempt: number) => number;
  /** No byte for this long gives an attempt up (default INACTIVITY_MS). */
  inactivityMs?: number;
  /** Partial data is saved every this many bytes, or each second (default 512 KB). */
  chunkBytes?: number;
}

/** Files fetched at a time: a browser opens 6 connections to a host over HTTP/1.1. */
export const PARALLEL = 6;
/**
 * Files fetched or being written at a time: a file whose bytes have all arrived leaves its
 * fetching place to the next while its write lands (decision 026). Small files spent longer
 * waiting on IndexedDB than on the network; finished ones held in memory stay few.
 */
const IN_HAND = PARALLEL * 2;
export const MAX_ATTEMPTS = 4;

const store = useDownloadsStore;

/**
 * The download queue, outside React (like the player's controller), in the one tab that holds the
 * download lock (tab-group.ts): PARALLEL files at a time, in the order asked; progress saved in
 * chunks so a reload, a pause, a lost network or another tab taking over resumes where it stopped;
 * retries back off; full storage stops everything and keeps what finished; a file counts as
 * downloaded only once whole and the size it should be. The returned stop resolves once nothing
 * of its runs can write any more.
 */
export function startDownloadRunner(deps: RunnerDeps): () => Promise<void> {
  const fetchImpl = deps.fetchImpl ?? ((input, init) => fetch(input, init));
  // A server that answers a no-cors request but failed the real one refuses scripts (CORS).
  const corsRefused = deps.corsRefused ?? ((url: string) => answersAtAll(url));
  const backoff = deps.backoffMs ?? ((n: number) => 2_000 * 2 ** (n - 1));
  const ifRangeRefusedBy = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let cursor = 0;
  let stopped = false;
  /** Runs still fetching (the others are writing their file). */
  let fetching = 0;

  function later(ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      pump();
    }, ms);
    timers.add(timer);
  }

  function pump() {
    const s = store.getState();
    if (stopped || !s.loaded || s.paused || s.stopped || !deps.isOnline() || !writesAllowed())
      return;
    // Finished jobs at the front are passed for good: a 20,000-track queue isn't rescanned.
    // (Failed ones are not: "retry" puts them back in the queue where they stand.)
    while (cursor < s.order.length) {
      const status = s.jobs[s.order[cursor] as string]?.status;
      if (status === 'done' || status === undefined) cursor += 1;
      else break;
    }
    let soonest = Infinity;
    const room = () => fetching < PARALLEL && runningCount() < IN_HAND;
    for (let i = cursor; i < s.order.length && room(); i += 1) {
      const job = s.jobs[s.order[i] as string];
      if (!job || job.status !== 'queued' || isRunning(job.key)) continue;
      if (job.retryAt && job.retryAt > Date.now()) {
        soonest = Math.min(soonest, job.retryAt);
        continue;
      }
      // Claimed now, before a transcode decision has answered: not started twice.
      const { controller, finish } = claimRun(job.key);
      const held: Held = { chunks: job.chunks };
      fetching += 1;
      let fetched = false;
      const release = () => {
        if (fetched) return;
        fetched = true;
        fetching -= 1;
        if (!stopped) queueMicrotask(pump);
      };
      void Promise.resolve()
        .then(() => deps.sourceFor(job))
        .then(
          (source) => {
            if (source && !controller.signal.aborted)
              return run(job, source, controller, held, release);
            source?.done?.();
            // Not connected yet: look again in a moment.
            if (!source) later(2_000);
          },
          // The server wouldn't prepare it (a refused transcode): a failed attempt.
          (error: unknown) => failed(job, '', error, controller.signal.aborted, held),
        )
        .finally(() => {
          release();
          finish();
          if (!stopped) pump();
        });
    }
    if (soonest < Infinity) later(soonest - Date.now());
  }

  async function run(
    job: DownloadJob,
    source: DownloadSource,
    c: AbortController,
    held: Held,
    fetched: () => void,
  ) {
    const { patchJob, setProgress } = store.getState();
    patchJob(job.key, { status: 'downloading', error: null });
    try {
      await fetchPart({
        job,
        source,
        signal: c.signal,
        held,
        fetchImpl,
        inactivityMs: deps.inactivityMs ?? INACTIVITY_MS,
        chunkBytes: deps.chunkBytes,
        ifRangeRefusedBy,
        corsRefused,
        patch: (patch) => patchJob(job.key, patch),
        progress: (bytes) => setProgress(job.key, bytes),
        fetched,
      });
    } catch (error) {
      await failed(job, source.url, error, c.signal.aborted, held, source.transcoded);
    } finally {
      source.done?.();
      setProgress(job.key, null);
    }
  }

  async function failed(
    job: DownloadJob,
    url: string,
    error: unknown,
    aborted: boolean,
    held: Held,
    transcoded = false,
  ) {
    const { patchJob, stop } = store.getState();
    const { chunks } = held;
    if (!store.getState().jobs[job.key]) return; // removed while downloading
    if (aborted || error instanceof db.WritesClosed) {
      // Paused, stopped, or handed to another tab: it carries on from its saved chunks later.
      patchJob(job.key, { status: 'queued', chunks });
      return;
    }
    if (db.isQuotaError(error)) {
      patchJob(job.key, { status: 'queued', chunks });
      stop('storage-full');
      abortRuns();
      return;
    }
    if (error instanceof TypeError && !deps.isOnline()) {
      // The network went away: not the file's fault, no attempt counted.
      patchJob(job.key, { status: 'queued', chunks });
      return;
    }
    // (A transcode isn't asked: a no-cors start.mp3 would only start another stream.)
    if (error instanceof TypeError && url && !transcoded && (await corsRefused(url))) {
      patchJob(job.key, { status: 'failed', chunks, error: { code: 'cors' } });
      return;
    }
    if (error instanceof db.StorageRefused) {
      // No retry: a browser that keeps neither a Blob nor its bytes won't on the next try.
      const refused: DownloadFailure = { code: 'storage-refused' };
      patchJob(job.key, { status: 'failed', chunks, error: refused, retryAt: null });
      return;
    }
    let kept = chunks;
    if (error instanceof SizeMismatch) {
      await db.dropChunks(job.key);
      kept = 0;
    }
    const attempts = job.attempts + 1;
    const reason = failureOf(error);
    if (attempts >= MAX_ATTEMPTS) {
      patchJob(job.key, { status: 'failed', attempts, chunks: kept, error: reason, retryAt: null });
      return;
    }
    patchJob(job.key, {
      status: 'queued',
      attempts,
      chunks: kept,
      bytes: kept === 0 ? 0 : (store.getState().jobs[job.key]?.bytes ?? 0),
      error: reason,
      retryAt: Date.now() + backoff(attempts),
    });
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.order !== prev.order) cursor = 0;
    if ((s.paused && !prev.paused) || (s.stopped && !prev.stopped)) abortRuns();
    // (A job removed while it downloads is stopped by its removal: queue-ops.ts.)
    if (
      s.loaded !== prev.loaded ||
      (!s.paused && prev.paused) ||
      (!s.stopped && prev.stopped) ||
      s.order !== prev.order ||
      s.rev !== prev.rev
    )
      queueMicrotask(pump);
  });
  const stopWatching = (deps.whenOnline ?? onWindowOnline)(() => pump());
  pump();

  return () => {
    stopped = true;
    unsubscribe();
    stopWatching();
    for (const timer of timers) clearTimeout(timer);
    return stopRuns();
  };
}

/** The code a failed attempt is recorded with (the screen words it: describe-failure.ts). */
function failureOf(error: unknown): DownloadFailure {
  if (error instanceof HttpStatus) return { code: 'http', status: error.status };
  if (error instanceof Stalled) return { code: 'stalled', seconds: Math.round(error.ms / 1000) };
  if (error instanceof SourceRefused) return { code: 'not-converted' };
  if (error instanceof SizeMismatch) return { code: 'incomplete' };
  return { code: 'dropped' };
}
