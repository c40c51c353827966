import * as v from 'valibot';
import { PlexError } from './errors';
import { parseRetryAfter } from './retry-after';

export interface PlexRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters: X-Plex-* and the token travel here (CORS simple requests). */
  params?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Who hears how requests went (lib/network-status.ts): by origin, never the full URL. */
export interface NetworkReports {
  answered(origin: string): void;
  failed(origin: string): void;
}
let reports: NetworkReports | null = null;

/** The app wires this once at start; tests that don't, report to no one. */
export function reportNetworkTo(to: NetworkReports): () => void {
  reports = to;
  return () => {
    if (reports === to) reports = null;
  };
}

function originOf(url: string): string {
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
  if (!isServerPath(path))
    throw new PlexError({
      kind: 'bad-response',
      where: base.host,
      message: `${base.host} gave a file address PlexM8 won't follow.`,
    });
  return new URL(path, base.origin).toString();
}

/** A path on the server itself: `//host/…`, `@host`, `\\host` or a full URL would lead elsewhere. */
export function isServerPath(path: string): boolean {
  return path.startsWith('/') && new URL(path, 'http://server.invalid').host === 'server.invalid';
}

export function buildUrl(url: string, params: PlexRequest['params'] = {}): string {
  const built = new URL(url);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) built.searchParams.set(name, String(value));
  }
  return built.toString();
}

function timeoutSignal(ms: number | undefined, outer: AbortSignal | undefined) {
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    ms === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms);
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

function statusError(response: Response, where: string): PlexError {
  const status = response.status;
  // plex.tv answers 498 for an expired token (INFO "JWT Authentication"): the same as 401.
  if (status === 401 || status === 498)
    return new PlexError({
      kind: 'unauthorized',
      status,
      where,
      message: 'Plex did not accept your sign-in.',
    });
  if (status === 404)
    return new PlexError({
      kind: 'not-found',
      status,
      where,
      message: `Plex could not find ${where}.`,
    });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return new PlexError({
      kind: 'rate-limited',
      status,
      where,
      retryAfterMs,
      message: 'Plex is busy and asked PlexM8 to slow down.',
    });
  }
  if (status >= 500)
    return new PlexError({
      kind: 'server-error',
      status,
      where,
      message: `Plex had a problem (error ${status}).`,
    });
  return new PlexError({
    kind: 'http',
    status,
    where,
    message: `Plex refused the request (error ${status}).`,
  });
}

/** Sends one request and returns the raw Response, or throws a PlexError. */
export async function send(request: PlexRequest, fetchImpl: FetchLike = fetch): Promise<Response> {
  const url = buildUrl(request.url, request.params);
  const where = safeWhere(url);
  const timing = timeoutSignal(request.timeoutMs, request.signal);
  try {
    // Only Accept as a header: a CORS simple request, no preflight.
    const response = await fetchImpl(url, {
      method: request.method ?? 'GET',
      headers: { Accept: 'application/json' },
      signal: timing.signal,
      // The token is in the URL: never let it travel on as a Referer.
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    reports?.answered(originOf(url));
    if (!response.ok) throw statusError(response, where);
    return response;
  } catch (error) {
    if (error instanceof PlexError) throw error;
    if (timing.timedOut())
      throw new PlexError({
        kind: 'timeout',
        where,
        message: `${where.split('/')[0]} did not answer in time.`,
        cause: error,
      });
    if (request.signal?.aborted)
      throw new PlexError({ kind: 'aborted', where, message: 'Cancelled.', cause: error });
    reports?.failed(originOf(url));
    if (typeof navigator !== 'undefined' && navigator.onLine === false)
      throw new PlexError({ kind: 'offline', where, message: 'You are offline.', cause: error });
    throw new PlexError({
      kind: 'unreachable',
      where,
      message: `Couldn't reach ${where.split('/')[0]}.`,
      cause: error,
    });
  } finally {
    timing.dispose();
  }
}

/** Sends a request, reads JSON and validates it against `schema`. */
export async function requestJson<S extends v.GenericSchema>(
  schema: S,
  request: PlexRequest,
  fetchImpl?: FetchLike,
): Promise<v.InferOutput<S>> {
  const response = await send(request, fetchImpl);
  const where = safeWhere(response.url || request.url);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    const looksXml = text.trimStart().startsWith('<');
    throw new PlexError({
      kind: 'bad-response',
      status: response.status,
      where,
      cause,
      message: looksXml
        ? `${where} answered in XML instead of JSON.`
        : `${where} sent a reply PlexM8 couldn't read (it may have been cut off).`,
    });
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    throw new PlexError({
      kind: 'bad-response',
      status: response.status,
      where,
      message: `${where} sent an unexpected reply${path ? ` (${path}: ${issue?.message})` : ''}.`,
    });
  }
  return parsed.output;
}
