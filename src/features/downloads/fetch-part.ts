import * as db from './download-db';
import { HttpStatus, SizeMismatch, Stalled } from './download-errors';
import { fetchInPieces, PIECES_FROM } from './fetch-pieces';
import { finishFile } from './finish-file';
import { continuesFrom, parseContentRange, validatorOf } from './resume-check';
import type { DownloadJob } from './types';

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

/**
 * How long a download may receive nothing before the attempt is given up and retried from its
 * saved chunks. Plex Relay's 1–2 Mbps still brings bytes many times a second; a NAS waking its
 * disks (10–15 s) or a phone changing networks (TCP retransmits at 1, 2, 4, 8 s) goes quiet for
 * less. Longer than that, nothing is coming.
 */
export const INACTIVITY_MS = 20_000;
/** Partial data is saved every this many bytes or this often, whichever comes first. */
const CHUNK_BYTES = 512 * 1024;
const CHUNK_MS = 1_000;
const PROGRESS_MS = 250;

/** What is saved of the job so far, kept current for the runner whatever happens. */
export interface Held {
  chunks: number;
}

export interface PartFetch {
  job: DownloadJob;
  source: DownloadSource;
  /** Pause, removal, storage full: the run stops, keeping its chunks. */
  signal: AbortSignal;
  held: Held;
  fetchImpl: typeof fetch;
  inactivityMs: number;
  /** Saved every this many bytes (or each second), default 512 KB. */
  chunkBytes?: number;
  /** Origins whose CORS answer didn't allow `If-Range`: resumed there with `Range` alone. */
  ifRangeRefusedBy: Set<string>;
  corsRefused(url: string): Promise<boolean>;
  patch(patch: Partial<DownloadJob>): void;
  progress(bytes: number | null): void;
  /** Every byte has arrived (the file is being written): another download may start. */
  fetched?(): void;
}

function abortedBy(signal: AbortSignal): Promise<never> {
  const promise = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(signal.reason);
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
  promise.catch(() => undefined);
  return promise;
}

/**
 * One attempt at a job: resumes from its saved chunks with `Range` (and `If-Range` with the
 * file's validator) when the answer provably continues them, else starts over; saves the body in
 * chunks as it arrives; gives up after INACTIVITY_MS without a byte; keeps the file once whole.
 */
export async function fetchPart(p: PartFetch): Promise<void> {
  const { job, source, held } = p;
  const attempt = new AbortController();
  const passOn = () => attempt.abort(p.signal.reason);
  if (p.signal.aborted) passOn();
  else p.signal.addEventListener('abort', passOn, { once: true });
  const aborted = abortedBy(attempt.signal);
  let lastByteAt = performance.now();
  const watchdog = setInterval(
    () => {
      if (performance.now() - lastByteAt >= p.inactivityMs)
        attempt.abort(new Stalled(p.inactivityMs));
    },
    Math.min(1_000, p.inactivityMs),
  );
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  try {
    let saved = held.chunks > 0 ? await db.readChunks(job.key, held.chunks) : [];
    // A transcode can't resume by Range: what was saved of an earlier stream is dropped.
    if (saved === null || (source.transcoded && saved.length > 0)) {
      await db.dropChunks(job.key);
      saved = [];
      held.chunks = 0;
    }
    let offset = saved.reduce((n, b) => n + b.size, 0);
    let planned = job.quality === 'original' ? (job.track.media?.size ?? null) : null;
    let validator = job.validator;
    const origin = new URL(source.url).origin;

    const send = async (from: number, to?: number, held = validator): Promise<Response> => {
      const headers: Record<string, string> = {};
      if (from > 0 || to !== undefined) headers.Range = `bytes=${from}-${to ?? ''}`;
      const ifRange = from > 0 && held !== null && !p.ifRangeRefusedBy.has(origin);
      if (ifRange && held) headers['If-Range'] = held;
      const request = () =>
        Promise.race([
          p.fetchImpl(source.url, {
            signal: attempt.signal,
            headers,
            cache: 'no-store',
            referrerPolicy: 'no-referrer',
          }),
          aborted,
        ]);
      try {
        return await request();
      } catch (error) {
        // `If-Range` isn't CORS-safelisted: a server whose preflight doesn't allow it refuses the
        // request. Resumed without it; the answer's own validator is still compared.
        if (!ifRange || !(error instanceof TypeError) || attempt.signal.aborted) throw error;
        if (!(await p.corsRefused(source.url))) throw error;
        p.ifRangeRefusedBy.add(origin);
        delete headers['If-Range'];
        return await request();
      }
    };

    if (!source.transcoded && planned !== null && planned >= PIECES_FROM) {
      const touch = () => (lastByteAt = performance.now());
      return await fetchInPieces({
        p,
        aborted,
        saved,
        offset,
        total: planned,
        validator,
        send,
        touch,
      });
    }
    let response = await send(offset);
    lastByteAt = performance.now();
    let track = job.track;
    if (offset > 0 && !continuesFrom(response, offset, planned ?? job.total, validator)) {
      // Another version of the file, or a server that won't resume: never joined, started over.
      await db.dropChunks(job.key);
      saved = [];
      held.chunks = 0;
      offset = 0;
      validator = null;
      if (response.status !== 200) {
        void response.body?.cancel().catch(() => undefined);
        response = await send(0);
      }
      // The file may have changed since Plex listed it: its size now is what the server says.
      const length = Number(response.headers.get('Content-Length'));
      if (response.status === 200 && track.media && length > 0 && length !== planned) {
        planned = length;
        track = { ...track, media: { ...track.media, size: length } };
      }
    }
    if (!response.ok || !response.body) throw new HttpStatus(response.status);
    validator = validator ?? validatorOf(response.headers);
    const length = Number(response.headers.get('Content-Length'));
    const total =
      planned ??
      (offset > 0
        ? (job.total ?? parseContentRange(response.headers.get('Content-Range'))?.total ?? null)
        : Number.isFinite(length) && length > 0
          ? length
          : null);
    p.patch({ total, chunks: held.chunks, bytes: offset, validator, track });

    const chunkBytes = p.chunkBytes ?? CHUNK_BYTES;
    reader = response.body.getReader();
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let lastSave = performance.now();
    let lastProgress = 0;
    const save = async () => {
      const blob = new Blob(pending as BlobPart[]);
      await db.writeChunk(job.key, held.chunks, blob);
      saved.push(blob);
      held.chunks += 1;
      pending = [];
      pendingBytes = 0;
      lastSave = performance.now();
      p.patch({ chunks: held.chunks, bytes: offset });
    };
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      lastByteAt = performance.now();
      pending.push(value);
      pendingBytes += value.byteLength;
      offset += value.byteLength;
      if (lastByteAt - lastProgress > PROGRESS_MS) {
        lastProgress = lastByteAt;
        p.progress(offset);
      }
      if (pendingBytes >= chunkBytes || lastByteAt - lastSave > CHUNK_MS) await save();
    }
    if (total !== null && offset !== total) {
      if (pendingBytes > 0) await save();
      throw new SizeMismatch();
    }
    // The tail goes straight into the file: a small file is written once, not twice.
    const type = response.headers.get('Content-Type') ?? '';
    const file = new Blob([...saved, ...(pending as BlobPart[])], { type });
    p.fetched?.();
    await finishFile(p, file);
  } finally {
    clearInterval(watchdog);
    p.signal.removeEventListener('abort', passOn);
    void reader?.cancel().catch(() => undefined);
  }
}
