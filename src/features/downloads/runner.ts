import { answersAtAll, onWindowOnline } from '../../lib/network-status';
import { writesAllowed } from '../../lib/write-gate';
import { abortRuns, claimRun, isRunning, runningCount, stopRuns } from './active-runs';
import { useDownloadsStore } from './downloads-store';
import { INACTIVITY_MS, type DownloadSource, type Held } from './fetch-part';
import { downloadJob, sourceFailed, type JobContext } from './job-download';
import type { DownloadJob } from './types';

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

const store = useDownloadsStore;

/**
 * The download queue, outside React (like the player's controller), in the one tab that holds the
 * download lock (tab-group.ts): the pump. PARALLEL files at a time, in the order asked; a job whose
 * retry is due later waits for it; it looks again whenever the queue, the flags or the network
 * change. One job's download (fetch, resume, pieces, write, how it failed) is job-download.ts:
 * progress saved in chunks so a reload, a pause, a lost network or another tab taking over resumes
 * where it stopped; retries back off; full storage stops everything and keeps what finished; a
 * file counts as downloaded only once whole and the size it should be. The returned stop
 * resolves once nothing of its runs can write any more.
 */
export function startDownloadRunner(deps: RunnerDeps): () => Promise<void> {
  const ctx: JobContext = {
    fetchImpl: deps.fetchImpl ?? ((input, init) => fetch(input, init)),
    // A server that answers a no-cors request but failed the real one refuses scripts (CORS).
    corsRefused: deps.corsRefused ?? ((url: string) => answersAtAll(url)),
    isOnline: () => deps.isOnline(),
    backoff: deps.backoffMs ?? ((n: number) => 2_000 * 2 ** (n - 1)),
    inactivityMs: deps.inactivityMs ?? INACTIVITY_MS,
    chunkBytes: deps.chunkBytes,
    ifRangeRefusedBy: new Set<string>(),
  };
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
      const run = { job, controller, held, fetched: release };
      void Promise.resolve()
        .then(() => deps.sourceFor(job))
        .then(
          (source) => {
            if (source && !controller.signal.aborted) return downloadJob(ctx, run, source);
            source?.done?.();
            // Not connected yet: look again in a moment.
            if (!source) later(2_000);
          },
          // The server wouldn't prepare it (a refused transcode): a failed attempt.
          (error: unknown) => sourceFailed(ctx, run, error),
        )
        .finally(() => {
          release();
          finish();
          if (!stopped) pump();
        });
    }
    if (soonest < Infinity) later(soonest - Date.now());
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
