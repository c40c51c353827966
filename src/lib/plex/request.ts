import * as v from 'valibot';
import { PlexError } from './errors';
import { parseRetryAfter } from './retry-after';
import { buildUrl, originOf, safeWhere } from './urls';
import { Slices } from '../yield-to-main';

export interface PlexRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Query parameters: X-Plex-* and the token travel here (CORS simple requests). */
  params?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /**
   * No progress for this long fails the request as 'timeout': waiting for the answer, and then
   * between the pieces of its body (a connection can send its headers and then stall).
   */
  timeoutMs?: number;
  /** All of it, body included, within this long (a probe: a slower connection is no use). */
  deadlineMs?: number;
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

interface Timing {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Bytes arrived: the inactivity clock starts again. */
  progressed(): void;
  dispose(): void;
}

function startTiming({ timeoutMs, deadlineMs, signal: outer }: PlexRequest): Timing {
  const controller = new AbortController();
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort();
  };
  const arm = (ms: number | undefined) => (ms === undefined ? undefined : setTimeout(expire, ms));
  let idle = arm(timeoutMs);
  const deadline = arm(deadlineMs);
  const onOuterAbort = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    progressed: () => {
      if (idle === undefined || controller.signal.aborted) return;
      clearTimeout(idle);
      idle = arm(timeoutMs);
    },
    dispose: () => {
      clearTimeout(idle);
      clearTimeout(deadline);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}

/** What a failed request (or body) becomes: the retry policy and failover act on its kind. */
function failure(
  error: unknown,
  { url, signal }: { url: string; signal?: AbortSignal },
  timing: Timing,
  inBody: boolean,
): PlexError {
  if (error instanceof PlexError) return error;
  const where = safeWhere(url);
  if (timing.timedOut())
    return new PlexError({ code: inBody ? 'stopped-midway' : 'no-answer', where, cause: error });
  if (signal?.aborted) return new PlexError({ code: 'cancelled', where, cause: error });
  reports?.failed(originOf(url));
  if (typeof navigator !== 'undefined' && navigator.onLine === false)
    return new PlexError({ code: 'offline', where, cause: error });
  return new PlexError({ code: inBody ? 'cut-off' : 'unreachable', where, cause: error });
}

/**
 * A body as text, each piece restarting the inactivity clock. A stalled body is given up on
 * even where the fetch ignores its signal once the headers are in (a stream that never ends).
 */
async function readWithin(response: Response, timing: Timing): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const stopped = new Promise<never>((_resolve, reject) => {
    const stop = () => reject(new DOMException('The body stopped arriving.', 'AbortError'));
    if (timing.signal.aborted) stop();
    else timing.signal.addEventListener('abort', stop, { once: true });
  });
  const decoder = new TextDecoder();
  const pieces: string[] = [];
  // Pieces already here are read one after another without a task between them: a page of
  // 2,000 tracks decoded at once was one long task on the main thread (decision 025).
  const slices = new Slices();
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), stopped]);
      if (done) break;
      timing.progressed();
      pieces.push(decoder.decode(value, { stream: true }));
      if (slices.due()) await slices.pause();
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}

function statusError(response: Response, where: string): PlexError {
  const status = response.status;
  // plex.tv answers 498 for an expired token (INFO "JWT Authentication"): the same as 401.
  if (status === 401 || status === 498)
    return new PlexError({ code: 'sign-in-refused', status, where });
  if (status === 404) return new PlexError({ code: 'not-found', status, where });
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
    return new PlexError({ code: 'rate-limited', status, where, retryAfterMs });
  }
  if (status >= 500) return new PlexError({ code: 'server-error', status, where });
  return new PlexError({ code: 'refused', status, where });
}

async function open(request: PlexRequest, url: string, timing: Timing, fetchImpl: FetchLike) {
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
    if (!response.ok) throw statusError(response, safeWhere(url));
    return response;
  } catch (error) {
    throw failure(error, { url, signal: request.signal }, timing, false);
  }
}

/**
 * Sends one request and returns the raw Response, or throws a PlexError. Its timeout covers the
 * wait for the headers: a caller that reads the body reads it with `readText`.
 */
export async function send(request: PlexRequest, fetchImpl: FetchLike = fetch): Promise<Response> {
  const timing = startTiming(request);
  try {
    return await open(request, buildUrl(request.url, request.params), timing, fetchImpl);
  } finally {
    timing.dispose();
  }
}

/** The body of a response from `send`, as text, under the request's inactivity timeout. */
export async function readText(response: Response, request: PlexRequest): Promise<string> {
  const timing = startTiming({ ...request, deadlineMs: undefined });
  const url = response.url || buildUrl(request.url, request.params);
  try {
    return await readWithin(response, timing);
  } catch (error) {
    throw failure(error, { url, signal: request.signal }, timing, true);
  } finally {
    timing.dispose();
  }
}

/** Sends a request, reads JSON and validates it against `schema`. */
export async function requestJson<S extends v.GenericSchema>(
  schema: S,
  request: PlexRequest,
  fetchImpl: FetchLike = fetch,
): Promise<v.InferOutput<S>> {
  const url = buildUrl(request.url, request.params);
  // One clock for the headers and the body: a server that answers and then stalls fails too.
  const timing = startTiming(request);
  let response: Response;
  let text: string;
  try {
    response = await open(request, url, timing, fetchImpl);
    try {
      text = await readWithin(response, timing);
    } catch (error) {
      throw failure(error, { url, signal: request.signal }, timing, true);
    }
  } finally {
    timing.dispose();
  }
  const where = safeWhere(response.url || request.url);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    const looksXml = text.trimStart().startsWith('<');
    throw new PlexError({
      code: looksXml ? 'xml-reply' : 'unreadable-reply',
      status: response.status,
      where,
      cause,
    });
  }
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    throw new PlexError({
      code: 'unexpected-reply',
      status: response.status,
      where,
      // The schema's own account, for whoever reports it: the UI shows it in brackets.
      detail: path ? `${path}: ${issue?.message}` : undefined,
    });
  }
  return parsed.output;
}
