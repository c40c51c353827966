import { readFileSync } from 'node:fs';
import type { AudioFile } from './audio-files';
import type { LibTrack } from './library';
import type { FakeServer } from './model';
import { corsHeaders, text } from './respond';

const bytesCache = new Map<string, Uint8Array<ArrayBuffer>>();
function bytesOf(file: AudioFile): Uint8Array<ArrayBuffer> {
  let bytes = bytesCache.get(file.path);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(file.path));
    bytesCache.set(file.path, bytes);
  }
  return bytes;
}

/**
 * Which validators a server's parts carry. Whether real PMS sends ETag or Last-Modified with a
 * part is unconfirmed (docs/plex-api.md "Downloads"): the files it serves under /web carry
 * neither, so by default the fake sends none; tests switch either on to check both answers.
 */
export type PartValidators = 'none' | 'etag' | 'last-modified';
const validatorsOf = new WeakMap<FakeServer, PartValidators>();
export function setPartValidators(server: FakeServer, kind: PartValidators): void {
  validatorsOf.set(server, kind);
}

/** Parts whose file was replaced on the server (re-tagged, re-ripped): new bytes from now on. */
const replaced = new WeakMap<LibTrack, { bytes: Uint8Array<ArrayBuffer>; version: number }>();
export function replacePartFile(track: LibTrack, bytes: Uint8Array<ArrayBuffer>): void {
  replaced.set(track, { bytes, version: (replaced.get(track)?.version ?? 0) + 1 });
}
export const partBytes = (track: LibTrack) => replaced.get(track)?.bytes ?? bytesOf(track.file);

function validatorHeaders(server: FakeServer, track: LibTrack): Record<string, string> {
  const version = replaced.get(track)?.version ?? 0;
  switch (validatorsOf.get(server) ?? 'none') {
    case 'etag':
      return {
        ETag: `"${track.partId}-${version}"`,
        'Access-Control-Expose-Headers': 'Retry-After, Content-Range, ETag',
      };
    case 'last-modified':
      return { 'Last-Modified': new Date((track.addedAt + version * 60) * 1000).toUTCString() };
    case 'none':
      return {};
  }
}

/**
 * Serves a file as PMS does, honouring `Range` with 206 (what `<audio>` asks for). `If-Range`
 * (RFC 9110 §13.1.5): a Range whose validator is not the file's current one gets the whole file.
 */
function serveFile(
  request: Request,
  file: AudioFile,
  mime = file.mime,
  bytes: Uint8Array<ArrayBuffer> = bytesOf(file),
  validators: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = {
    ...corsHeaders(request),
    'Content-Type': mime,
    'Accept-Ranges': 'bytes',
    ...validators,
  };
  const ifRange = request.headers.get('If-Range');
  const current = validators.ETag ?? validators['Last-Modified'];
  const stale = ifRange !== null && ifRange !== current;
  const range = stale ? null : /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (!range) {
    return new Response(bytes, {
      status: 200,
      headers: { ...headers, 'Content-Length': String(bytes.length) },
    });
  }
  const start = range[1] ? Number(range[1]) : Math.max(0, bytes.length - Number(range[2]));
  const end =
    range[1] && range[2] ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
  if (start >= bytes.length || start > end) {
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'Content-Range': `bytes */${bytes.length}` },
    });
  }
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
      'Content-Length': String(end - start + 1),
    },
  });
}

/** Parts (direct play) and play reports. */
export function pmsStreamRoute(server: FakeServer, request: Request, url: URL): Response | null {
  const lib = server.library;
  const part = /^\/library\/parts\/(\d+)\//.exec(url.pathname);
  if (part) {
    const track = lib.find.trackOfPart(Number(part[1]));
    if (!track) return text(request, 404, 'no such part');
    return serveFile(
      request,
      track.file,
      track.file.mime,
      partBytes(track),
      validatorHeaders(server, track),
    );
  }
  if (url.pathname === '/:/scrobble')
    return new Response(null, { status: 200, headers: corsHeaders(request) });
  if (url.pathname === '/:/rate') {
    const rating = Number(url.searchParams.get('rating'));
    if (!Number.isInteger(rating) || rating < -1 || rating > 10)
      return text(request, 400, 'bad rating');
    // -1 clears a rating (python-plexapi's Track.rate(None)); 0–10 sets it.
    if (!lib.find.rate(url.searchParams.get('key') ?? '', rating === -1 ? undefined : rating))
      return text(request, 400, 'bad rating');
    return new Response(null, { status: 200, headers: corsHeaders(request) });
  }
  return null;
}
