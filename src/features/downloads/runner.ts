import * as db from './download-db';
import { useDownloadsStore } from './downloads-store';
import type { DownloadJob } from './types';
import { HttpStatus, SizeMismatch, SourceRefused } from './download-errors';
import { answersAtAll, onWindowOnline } from '../../lib/network-status';

export { SourceRefused } from './download-errors';

/** Where a job's bytes come from right now. */
export interface DownloadSource {
  url: string;
  /**
   * From Plex's transcoder: a stream (no length, no Range), so a broken download starts over
   * and only a stream that ended cleanly counts as whole.
   */
  transcoded: boolean;
  /** Called when the download is over either way (ends the transcode session). */
  done?(): void;
}

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
}

export const PARALLEL = 2;
export const MAX_ATTEMPTS = 4;
/** Partial data is saved every this many bytes or this often, whichever comes first. */
const CHUNK_BYTES = 512 * 1024;
const CHUNK_MS = 1_000;
const PROGRESS_MS = 250;

const store = useDownloadsStore;

/**
 * The download queue, outside React (like the player's controller): two files at a time, in the
 * order asked; progress saved in chunks so a reload, a pause or a lost network resumes where it
 * stopped (a Range request); retries back off; full storage stops everything and keeps what
 * finished; a file counts as downloaded only once whole and the size it should be.
 */
export function startDownloadRunner(deps: RunnerDeps): () => void {
  const fetchImpl = deps.fetchImpl ?? ((input, init) => fetch(input, init));
  // A server that answers a no-cors request but failed the real one refuses scripts (CORS).
  const corsRefused = deps.corsRefused ?? ((url: string) => answersAtAll(url));
  const backoff = deps.backoffMs ?? ((n: number) => 2_000 * 2 ** (n - 1));
  const active = new Map<string, AbortController>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let cursor = 0;
  let stopped = false;

  function later(ms: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      pump();
    }, ms);
    timers.add(timer);
  }

  function pump() {
    const s = store.getState();
    if (stopped || !s.loaded || s.paused || s.stopped || !deps.isOnline()) return;
    // Finished jobs at the front are passed for good: a 20,000-track queue isn't rescanned.
    // (Failed ones are not: "retry" puts them back in the queue where they stand.)
    while (cursor < s.order.length) {
      const status = s.jobs[s.order[cursor] as string]?.status;
      if (status === 'done' || status === undefined) cursor += 1;
      else break;
    }
    let soonest = Infinity;
    for (let i = cursor; i < s.order.length && active.size < PARALLEL; i += 1) {
      const job = s.jobs[s.order[i] as string];
      if (!job || job.status !== 'queued' || active.has(job.key)) continue;
      if (job.retryAt && job.retryAt > Date.now()) {
        soonest = Math.min(soonest, job.retryAt);
        continue;
      }
      // Claimed now, before a transcode decision has answered: not started twice.
      const controller = new AbortController();
      active.set(job.key, controller);
      void Promise.resolve()
        .then(() => deps.sourceFor(job))
        .then(
          (source) => {
            if (source && !controller.signal.aborted) return run(job, source, controller);
            source?.done?.();
            active.delete(job.key);
            // Not connected yet: look again in a moment.
            if (!source) later(2_000);
          },
          async (error: unknown) => {
            // The server wouldn't prepare it (a refused transcode): a failed attempt.
            await failed(job, '', error, controller.signal.aborted, job.chunks);
            active.delete(job.key);
            pump();
          },
        );
    }
    if (soonest < Infinity) later(soonest - Date.now());
  }

  async function run(job: DownloadJob, source: DownloadSource, controller: AbortController) {
    const { url } = source;
    const { patchJob, setProgress } = store.getState();
    patchJob(job.key, { status: 'downloading', error: null });
    let chunks = job.chunks;
    try {
      let saved = chunks > 0 ? await db.readChunks(job.key, chunks) : [];
      // A transcode can't resume by Range: what was saved of an earlier stream is dropped.
      if (saved === null || (source.transcoded && saved.length > 0)) {
        await db.dropChunks(job.key, chunks);
        saved = [];
        chunks = 0;
      }
      let offset = saved.reduce((n, b) => n + b.size, 0);
      const response = await fetchImpl(url, {
        signal: controller.signal,
        headers: offset > 0 ? { Range: `bytes=${offset}-` } : undefined,
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      if (offset > 0 && response.status !== 206) {
        // The server sent the whole file instead: start over.
        await db.dropChunks(job.key, chunks);
        saved = [];
        chunks = 0;
        offset = 0;
      }
      if (!response.ok || !response.body) throw new HttpStatus(response.status);
      const length = Number(response.headers.get('Content-Length'));
      const total =
        job.quality === 'original' && job.track.media?.size
          ? job.track.media.size
          : Number.isFinite(length) && length > 0
            ? offset + length
            : null;
      patchJob(job.key, { total, chunks, bytes: offset });

      const reader = response.body.getReader();
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let lastSave = Date.now();
      let lastProgress = 0;
      const save = async () => {
        const blob = new Blob(pending as BlobPart[]);
        await db.writeChunk(job.key, chunks, blob);
        saved.push(blob);
        chunks += 1;
        pending = [];
        pendingBytes = 0;
        lastSave = Date.now();
        patchJob(job.key, { chunks, bytes: offset });
      };
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        pending.push(value);
        pendingBytes += value.byteLength;
        offset += value.byteLength;
        if (Date.now() - lastProgress > PROGRESS_MS) {
          lastProgress = Date.now();
          setProgress(job.key, offset);
        }
        if (pendingBytes >= CHUNK_BYTES || Date.now() - lastSave > CHUNK_MS) await save();
      }
      if (total !== null && offset !== total) {
        if (pendingBytes > 0) await save();
        throw new SizeMismatch();
      }
      // The tail goes straight into the file: a small file is written once, not twice.
      const type = response.headers.get('Content-Type') ?? '';
      const file = new Blob([...saved, ...(pending as BlobPart[])], { type });
      await db.writeFile(job.key, file);
      if (chunks > 0) await db.dropChunks(job.key, chunks);
      patchJob(job.key, {
        status: 'done',
        bytes: file.size,
        total: file.size,
        chunks: 0,
        error: null,
        retryAt: null,
      });
    } catch (error) {
      await failed(job, url, error, controller.signal.aborted, chunks, source.transcoded);
    } finally {
      source.done?.();
      active.delete(job.key);
      setProgress(job.key, null);
      pump();
    }
  }

  async function failed(
    job: DownloadJob,
    url: string,
    error: unknown,
    aborted: boolean,
    chunks: number,
    transcoded = false,
  ) {
    const { patchJob, stop } = store.getState();
    if (!store.getState().jobs[job.key]) return; // removed while downloading
    if (aborted) {
      // Paused or stopped: it carries on from its saved chunks later.
      patchJob(job.key, { status: 'queued', chunks });
      return;
    }
    if (db.isQuotaError(error)) {
      patchJob(job.key, { status: 'queued', chunks });
      stop(
        'Storage is full, so downloads stopped. What finished is kept: free some space (delete downloads here), then resume.',
      );
      for (const c of active.values()) c.abort();
      return;
    }
    if (error instanceof TypeError && !deps.isOnline()) {
      // The network went away: not the file's fault, no attempt counted.
      patchJob(job.key, { status: 'queued', chunks });
      return;
    }
    // (A transcode isn't asked: a no-cors start.mp3 would only start another stream.)
    if (error instanceof TypeError && url && !transcoded && (await corsRefused(url))) {
      patchJob(job.key, {
        status: 'failed',
        chunks,
        error:
          "this server doesn't let the browser download its files (it sends no CORS headers). Playing still works; ask the server's owner, or download on the server's own network",
      });
      return;
    }
    if (error instanceof db.StorageRefused) {
      // No retry: a browser that keeps neither a Blob nor its bytes won't on the next try.
      patchJob(job.key, { status: 'failed', chunks, error: error.message, retryAt: null });
      return;
    }
    if (error instanceof SizeMismatch) {
      await db.dropChunks(job.key, chunks);
      chunks = 0;
    }
    const attempts = job.attempts + 1;
    const reason =
      error instanceof HttpStatus
        ? error.message
        : error instanceof SizeMismatch
          ? 'the file arrived incomplete'
          : error instanceof SourceRefused
            ? error.message
            : 'the connection dropped';
    if (attempts >= MAX_ATTEMPTS) {
      patchJob(job.key, { status: 'failed', attempts, chunks, error: reason, retryAt: null });
      return;
    }
    patchJob(job.key, {
      status: 'queued',
      attempts,
      chunks,
      bytes: chunks === 0 ? 0 : job.bytes,
      error: reason,
      retryAt: Date.now() + backoff(attempts),
    });
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.order !== prev.order) cursor = 0;
    if ((s.paused && !prev.paused) || (s.stopped && !prev.stopped))
      for (const c of active.values()) c.abort();
    // A job removed while it downloads stops downloading.
    for (const [key, c] of active) if (!s.jobs[key]) c.abort();
    const requeued = s.jobs !== prev.jobs;
    if (
      s.loaded !== prev.loaded ||
      (!s.paused && prev.paused) ||
      (!s.stopped && prev.stopped) ||
      s.order !== prev.order ||
      requeued
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
    for (const c of active.values()) c.abort();
  };
}
