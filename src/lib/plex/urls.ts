import { PlexError } from './errors';

/** Addresses: built from parts, checked to stay on the server, and shown without their query. */

export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** host + path of a URL: safe to show or log, since the token lives in the query. */
export function safeWhere(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an invalid address';
  }
}

/**
 * A path the server gave us (a Part's `key`), on the connection's origin and nowhere else. Joined
 * by string, `//host/x` or `@host/x` would send the request (and its token) to another host.
 */
export function serverPath(origin: string, path: string): string {
  const base = new URL(origin);
  if (!isServerPath(path)) throw new PlexError({ code: 'unsafe-address', where: base.host });
  return new URL(path, base.origin).toString();
}

/** A path on the server itself: `//host/…`, `@host`, `\\host` or a full URL would lead elsewhere. */
export function isServerPath(path: string): boolean {
  return path.startsWith('/') && new URL(path, 'http://server.invalid').host === 'server.invalid';
}

/** The URL with its query parameters (X-Plex-* and the token travel there: CORS simple requests). */
export function buildUrl(
  url: string,
  params: Record<string, string | number | undefined> = {},
): string {
  const built = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) built.searchParams.set(name, String(value));
  }
  return built.toString();
}
