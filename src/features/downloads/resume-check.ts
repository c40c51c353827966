/**
 * Whether an answer to a resumed download continues the bytes already saved (docs/decisions/016):
 * chunks of two versions of a file must never be joined.
 */

/**
 * What identifies this version of the file, for `If-Range`: a strong ETag, else Last-Modified
 * (RFC 9110 §13.1.5: a weak ETag never matches there). Null when the server sends neither, or
 * CORS hides it (ETag needs `Access-Control-Expose-Headers`; Last-Modified is always readable).
 */
export function validatorOf(headers: Headers): string | null {
  const etag = headers.get('ETag');
  if (etag && !etag.startsWith('W/')) return etag;
  return headers.get('Last-Modified');
}

export interface ContentRange {
  start: number;
  end: number;
  /** Null when the server says `*` (unknown). */
  total: number | null;
}

export function parseContentRange(value: string | null): ContentRange | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [, start, end, total] = match;
  return {
    start: Number(start),
    end: Number(end),
    total: total === '*' ? null : Number(total),
  };
}

/**
 * A 206 that carries on from `held` bytes of the file of `expected` bytes, as it was when they
 * were fetched (`validator`). Anything else (a 200: the file changed or the server ignored the
 * Range; another start; another size; another validator) means starting over.
 */
export function continuesFrom(
  response: Response,
  held: number,
  expected: number | null,
  validator: string | null,
): boolean {
  if (response.status !== 206) return false;
  const now = validatorOf(response.headers);
  if (validator && now && now !== validator) return false;
  const range = parseContentRange(response.headers.get('Content-Range'));
  if (range) {
    if (range.start !== held) return false;
    // A size never learned (no Part.size, no Content-Length at the start) is learned here.
    if (expected === null) return range.total === null || range.end === range.total - 1;
    return range.total === expected && range.end === expected - 1;
  }
  // No Content-Range to read (a server that doesn't expose it to scripts): the length must make
  // the rest of the file exactly.
  const length = Number(response.headers.get('Content-Length'));
  return expected !== null && Number.isFinite(length) && length > 0 && held + length === expected;
}
