import * as db from './download-db';
import { HttpStatus, SizeMismatch } from './download-errors';
import type { PartFetch } from './fetch-part';
import { finishFile } from './finish-file';
import { parseContentRange, validatorOf } from './resume-check';

/** Files at least this big (by Plex's size) are fetched a piece at a time. */
export const PIECES_FROM = 2 * 1024 * 1024;
const FIRST_PIECE = 512 * 1024;
const MIN_PIECE = 256 * 1024;
const MAX_PIECE = 8 * 1024 * 1024;
/** Pieces are sized to arrive in about this long: progress, saves and the watchdog keep pace. */
const PIECE_MS = 1_000;

export interface PieceRun {
  p: PartFetch;
  aborted: Promise<never>;
  /** Saved chunks held (from an earlier attempt), and their bytes. */
  saved: Blob[];
  offset: number;
  /** The file's size, from Plex. */
  total: number;
  validator: string | null;
  /** Asks for bytes `from`–`to`, or `from` to the end (with If-Range after the first byte). */
  send(from: number, to: number | undefined, validator: string | null): Promise<Response>;
  /** Bytes arrived: the inactivity watchdog starts again. */
  touch(): void;
}

/**
 * A 206 that is the next part of this version of the file: bytes `from`–`to`, or from `from` to
 * the end when `to` is undefined. Says how big the file is now, where the answer tells: Plex's
 * listed size may be old (a retagged file), and an open-ended last piece takes the end whatever
 * its size, so a file is never saved without it.
 */
function pieceOf(
  r: Response,
  from: number,
  to: number | undefined,
  validator: string | null,
): { ok: false } | { ok: true; total: number | null } {
  if (r.status !== 206) return { ok: false };
  const now = validatorOf(r.headers);
  if (validator && now && now !== validator) return { ok: false };
  const range = parseContentRange(r.headers.get('Content-Range'));
  const length = Number(r.headers.get('Content-Length'));
  // No Content-Range to read (not exposed to scripts): a bounded piece must be that long; an
  // open-ended one is the rest of the file, however long.
  if (!range) {
    if (to === undefined) return { ok: true, total: length > 0 ? from + length : null };
    return length === to - from + 1 ? { ok: true, total: null } : { ok: false };
  }
  if (range.start !== from || (to !== undefined && range.end !== to)) return { ok: false };
  if (to === undefined && range.total !== null && range.end !== range.total - 1)
    return { ok: false };
  return { ok: true, total: range.total };
}

/**
 * A big original fetched in Range pieces, each read whole by `response.blob()` and saved as the
 * next chunk (decision 021): the browser assembles each piece off the page's main thread, where a
 * stream read in the page copied every byte through it (decision 006), and a closed tab or a
 * dropped connection still resumes from the last piece. A piece that isn't the next part of the
 * same file (another version, another size) starts the file over, once per attempt; a server that
 * answers 200 (it ignores Range, or If-Range found a new version) sends the whole file, kept if
 * whole.
 */
export async function fetchInPieces(r: PieceRun): Promise<void> {
  const { p } = r;
  const { job, held } = p;
  let { saved, offset, validator } = r;
  let total = r.total;
  let size = FIRST_PIECE;
  let type = '';
  let restarted = false;
  const dropSaved = async () => {
    await db.dropChunks(job.key);
    held.chunks = 0;
    saved = [];
    offset = 0;
  };
  p.patch({ total, chunks: held.chunks, bytes: offset, validator });
  const learnTotal = (now: number) => {
    if (now === total) return;
    total = now;
    if (job.track.media)
      p.patch({ track: { ...job.track, media: { ...job.track.media, size: now } } });
  };
  // All saved already (a tab closed before the file was put together): nothing more to ask.
  while (offset < total) {
    // The last piece is asked for open-ended: it brings the file's end, however big it is now.
    const last = offset + size >= total;
    const to = last ? undefined : offset + size - 1;
    const started = performance.now();
    const response = await r.send(offset, to, validator);
    r.touch();
    if (!response.ok) throw new HttpStatus(response.status);
    type ||= response.headers.get('Content-Type') ?? '';
    if (response.status === 200) {
      await dropSaved();
      const whole = await Promise.race([response.blob(), r.aborted]);
      const length = Number(response.headers.get('Content-Length'));
      if (length > 0 && whole.size !== length) throw new SizeMismatch();
      // The file may have changed since Plex listed it: its size now is what the server sent.
      learnTotal(whole.size);
      saved = [whole];
      break;
    }
    const answer = pieceOf(response, offset, to, validator);
    if (!answer.ok) {
      void response.body?.cancel().catch(() => undefined);
      if (restarted || offset === 0) throw new SizeMismatch();
      // Another version of the file, or a server that won't resume: never joined, started over.
      restarted = true;
      await dropSaved();
      validator = null;
      continue;
    }
    // A first piece that says the file is another size than Plex listed: that size it is.
    if (answer.total !== null && offset === 0) learnTotal(answer.total);
    validator ??= validatorOf(response.headers);
    const piece = await Promise.race([response.blob(), r.aborted]);
    r.touch();
    // Cut short: what came is dropped, what was saved stays (a retry resumes from it).
    const expected =
      to === undefined ? (answer.total ?? offset + piece.size) - offset : to - offset + 1;
    if (piece.size !== expected) throw new TypeError('the connection dropped');
    await db.writeChunk(job.key, held.chunks, piece);
    saved.push(piece);
    held.chunks += 1;
    offset += piece.size;
    if (to === undefined) learnTotal(offset);
    p.patch({ chunks: held.chunks, bytes: offset, validator });
    p.progress(offset);
    if (to === undefined) break;
    const ms = Math.max(1, performance.now() - started);
    size = Math.min(MAX_PIECE, Math.max(MIN_PIECE, Math.round((piece.size * PIECE_MS) / ms)));
  }
  const file = new Blob(saved, { type });
  if (file.size !== total) throw new SizeMismatch();
  p.fetched?.();
  await finishFile(p, file);
}
