import * as db from './download-db';
import { HttpStatus, SizeMismatch } from './download-errors';
import type { PartFetch } from './fetch-part';
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
  /** Asks for bytes `from`–`to` (with If-Range after the first byte, where allowed). */
  send(from: number, to: number, validator: string | null): Promise<Response>;
  /** Bytes arrived: the inactivity watchdog starts again. */
  touch(): void;
}

/** A 206 for exactly bytes `from`–`to` of this version of a file of `total` bytes. */
function isPiece(r: Response, from: number, to: number, total: number, validator: string | null) {
  if (r.status !== 206) return false;
  const now = validatorOf(r.headers);
  if (validator && now && now !== validator) return false;
  const range = parseContentRange(r.headers.get('Content-Range'));
  // No Content-Range to read (not exposed to scripts): the length must be the piece's.
  if (!range) return Number(r.headers.get('Content-Length')) === to - from + 1;
  return range.start === from && range.end === to && range.total === total;
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
  while (offset < total) {
    const to = Math.min(total, offset + size) - 1;
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
      if (job.track.media && whole.size !== total) {
        total = whole.size;
        p.patch({ track: { ...job.track, media: { ...job.track.media, size: total } } });
      }
      saved = [whole];
      break;
    }
    if (!isPiece(response, offset, to, total, validator)) {
      void response.body?.cancel().catch(() => undefined);
      if (restarted || offset === 0) throw new SizeMismatch();
      // Another version of the file, or a server that won't resume: never joined, started over.
      restarted = true;
      await dropSaved();
      validator = null;
      continue;
    }
    validator ??= validatorOf(response.headers);
    const piece = await Promise.race([response.blob(), r.aborted]);
    r.touch();
    // Cut short: what came is dropped, what was saved stays (a retry resumes from it).
    if (piece.size !== to - offset + 1) throw new TypeError('the connection dropped');
    await db.writeChunk(job.key, held.chunks, piece);
    saved.push(piece);
    held.chunks += 1;
    offset += piece.size;
    p.patch({ chunks: held.chunks, bytes: offset, validator });
    p.progress(offset);
    const ms = Math.max(1, performance.now() - started);
    size = Math.min(MAX_PIECE, Math.max(MIN_PIECE, Math.round((piece.size * PIECE_MS) / ms)));
  }
  const file = new Blob(saved, { type });
  if (file.size !== total) throw new SizeMismatch();
  await db.writeFile(job.key, file);
  held.chunks = 0;
  p.patch({
    status: 'done',
    bytes: file.size,
    total: file.size,
    chunks: 0,
    error: null,
    retryAt: null,
  });
}
