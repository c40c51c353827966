import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Where a secret turned up in a browser profile, and what the URL around it asked for. */
export interface SecretTrace {
  file: string;
  /** The URL that carries the secret (as much of it as the file holds), or the bytes before it. */
  around: string;
}

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/** A URL's characters (RFC 3986), as cache keys and logs hold them. */
const URL_CHAR = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/;

/** The URL the secret sits in: back to its `http` start, on to the first non-URL byte. */
function urlAround(bytes: Buffer, at: number, secret: string): string {
  let start = at;
  while (
    start > 0 &&
    at - start < 4096 &&
    URL_CHAR.test(String.fromCharCode(bytes[start - 1] ?? 0))
  )
    start -= 1;
  let end = at + secret.length;
  while (
    end < bytes.length &&
    end - at < 4096 &&
    URL_CHAR.test(String.fromCharCode(bytes[end] ?? 0))
  )
    end += 1;
  const text = bytes.subarray(start, end).toString('latin1');
  const http = text.lastIndexOf('http', at - start);
  return http >= 0 ? text.slice(http) : text;
}

/**
 * Every place under a profile directory where one of the secrets is written, read as bytes
 * (cache entries, LevelDB, SQLite are binary). The URL around each hit says what it was for.
 */
export async function searchProfile(dir: string, secrets: string[]): Promise<SecretTrace[]> {
  const traces: SecretTrace[] = [];
  for await (const path of filesUnder(dir)) {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      continue; // a socket or a file Chromium removed while we looked
    }
    for (const secret of secrets) {
      for (let at = bytes.indexOf(secret); at >= 0; at = bytes.indexOf(secret, at + 1))
        traces.push({ file: relative(dir, path), around: urlAround(bytes, at, secret) });
    }
  }
  return traces;
}

/** Plex artwork: the photo transcoder, or a playlist's composite. */
export const isArtworkUrl = (url: string): boolean =>
  /\/photo\/:\/transcode|\/composite\/|\/thumb\//.test(url);

/** Audio: a part (direct play) or the music transcoder. */
export const isAudioUrl = (url: string): boolean =>
  /\/library\/parts\/|\/music\/:\/transcode\/universal\/start/.test(url);

/** Counts by kind and by file, for a report a person can read. */
export function summarise(traces: SecretTrace[]): Record<string, string[]> {
  const kinds: Record<string, Set<string>> = {};
  for (const t of traces) {
    const kind = isArtworkUrl(t.around) ? 'artwork' : isAudioUrl(t.around) ? 'audio' : 'other';
    (kinds[kind] ??= new Set()).add(t.file);
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, files]) => [k, [...files].sort()]));
}
