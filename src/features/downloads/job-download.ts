import { abortRuns } from './active-runs';
import * as db from './download-db';
import { HttpStatus, SizeMismatch, SourceRefused, Stalled } from './download-errors';
import { useDownloadsStore } from './downloads-store';
import { fetchPart, type DownloadSource, type Held } from './fetch-part';
import { runUpdates } from './run-updates';
import type { DownloadFailure, DownloadJob } from './types';

const MAX_ATTEMPTS = 4;

const store = useDownloadsStore;

/** What every job's download shares: the runner's dependencies, as it was started with them. */
export interface JobContext {
  fetchImpl: typeof fetch;
  corsRefused(url: string): Promise<boolean>;
  isOnline(): boolean;
  /** Backoff before retry n (1-based). */
  backoff(attempt: number): number;
  inactivityMs: number;
  chunkBytes?: number;
  /** Origins whose CORS answer didn't allow `If-Range` (fetch-part.ts). */
  ifRangeRefusedBy: Set<string>;
}

/** One attempt at one job, from where it may come from to its record saying how it went. */
export interface JobRun {
  job: DownloadJob;
  controller: AbortController;
  held: Held;
  /** Every byte has arrived: the fetch place may go to the next file while this one is written. */
  fetched(): void;
}

const reportTo = (key: string, patch: Partial<DownloadJob> | null, bytes?: number | null) =>
  store.getState().report(key, patch, bytes);

/**
 * Downloads one job from `source` (fetch-part.ts: resume, pieces, chunks, the final write) and
 * records how it went. Its changes reach the store gathered (run-updates.ts): a small file that
 * arrives at once is shown once, done.
 */
export async function downloadJob(ctx: JobContext, run: JobRun, source: DownloadSource) {
  const { job, controller, held } = run;
  const updates = runUpdates(job.key, reportTo);
  updates.patch({ status: 'downloading', error: null });
  try {
    await fetchPart({
      job,
      source,
      signal: controller.signal,
      held,
      fetchImpl: ctx.fetchImpl,
      inactivityMs: ctx.inactivityMs,
      chunkBytes: ctx.chunkBytes,
      ifRangeRefusedBy: ctx.ifRangeRefusedBy,
      corsRefused: ctx.corsRefused,
      patch: updates.patch,
      progress: updates.progress,
      fetched: run.fetched,
    });
    updates.settle();
  } catch (error) {
    updates.flush(); // what the failure is judged on (its bytes, whether it is still there)
    const failure = { url: source.url, transcoded: source.transcoded };
    updates.settle(await failed(ctx, run, error, failure));
  } finally {
    source.done?.();
  }
}

/** The server wouldn't prepare the job's file (a refused transcode): a failed attempt. */
export async function sourceFailed(ctx: JobContext, run: JobRun, error: unknown) {
  const patch = await failed(ctx, run, error, { url: '', transcoded: false });
  if (patch) reportTo(run.job.key, patch);
}

/** What a failed attempt leaves the job as (null: removed meanwhile), and what it stops. */
async function failed(
  ctx: JobContext,
  { job, controller, held }: JobRun,
  error: unknown,
  { url, transcoded }: { url: string; transcoded: boolean },
): Promise<Partial<DownloadJob> | null> {
  const { chunks } = held;
  if (!store.getState().jobs[job.key]) return null; // removed while downloading
  if (controller.signal.aborted || error instanceof db.WritesClosed) {
    // Paused, stopped, or handed to another tab: it carries on from its saved chunks later.
    return { status: 'queued', chunks };
  }
  if (db.isQuotaError(error)) {
    store.getState().stop('storage-full');
    abortRuns();
    return { status: 'queued', chunks };
  }
  if (error instanceof TypeError && !ctx.isOnline()) {
    // The network went away: not the file's fault, no attempt counted.
    return { status: 'queued', chunks };
  }
  // (A transcode isn't asked: a no-cors start.mp3 would only start another stream.)
  if (error instanceof TypeError && url && !transcoded && (await ctx.corsRefused(url)))
    return { status: 'failed', chunks, error: { code: 'cors' } };
  if (error instanceof db.StorageRefused) {
    // No retry: a browser that keeps neither a Blob nor its bytes won't on the next try.
    return { status: 'failed', chunks, error: { code: 'storage-refused' }, retryAt: null };
  }
  let kept = chunks;
  if (error instanceof SizeMismatch) {
    await db.dropChunks(job.key);
    kept = 0;
  }
  const attempts = job.attempts + 1;
  const reason = failureOf(error);
  if (attempts >= MAX_ATTEMPTS)
    return { status: 'failed', attempts, chunks: kept, error: reason, retryAt: null };
  return {
    status: 'queued',
    attempts,
    chunks: kept,
    bytes: kept === 0 ? 0 : (store.getState().jobs[job.key]?.bytes ?? 0),
    error: reason,
    retryAt: Date.now() + ctx.backoff(attempts),
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
