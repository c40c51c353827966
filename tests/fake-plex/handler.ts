import { authPageHtml, avatarSvg } from './auth-page';
import { FaultBook, type Fault } from './faults';
import { createModel, type FakePlexModel, type FakePlexOptions } from './model';
import { pmsRoute } from './pms';
import { approvePin, expirePins, plexTvRoute } from './plex-tv';
import { corsHeaders, plexParam, text } from './respond';

export interface RecordedRequest {
  method: string;
  origin: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  at: number;
  /** What the fake answered (Response.error() for a dropped connection is type "error", 0). */
  status?: number;
  retryAfter?: string | null;
}

export interface FakePlex {
  model: FakePlexModel;
  faults: FaultBook;
  requests: RecordedRequest[];
  /** The fetch-style handler: MSW, the loopback server and `npm start` all mount this. */
  handle(request: Request): Promise<Response>;
  /** Claims a PIN as if the user approved it on app.plex.tv. */
  approve(code: string): boolean;
  isPlexTvOrigin(origin: string): boolean;
}

const RECORDED_HEADERS = [
  'accept',
  'referer',
  'origin',
  'access-control-request-headers',
  'x-plex-token',
  'x-plex-client-identifier',
  'range',
  'if-range',
];

function waitFor(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function hangUntilAborted(signal: AbortSignal): Promise<Response> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(new DOMException('client went away', 'AbortError'));
    signal.addEventListener('abort', () =>
      reject(new DOMException('client went away', 'AbortError')),
    );
  });
}

async function mangle(
  response: Response,
  mode: Extract<Fault, { kind: 'malformed' }>['mode'],
): Promise<Response> {
  const body = await response.text();
  const headers = new Headers(response.headers);
  const make = (text: string, type?: string) => {
    if (type) headers.set('Content-Type', type);
    return new Response(text, { status: response.status, headers });
  };
  if (mode === 'truncated') return make(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
  if (mode === 'garbage') return make('\u0000\u00ffnot json at all', 'application/json');
  if (mode === 'xml') return make('<?xml version="1.0"?><MediaContainer size="0"/>', 'text/xml');
  // missing-fields: drop every required-looking field one level into MediaContainer items.
  try {
    const json = JSON.parse(body) as unknown;
    const strip = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(strip);
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          if (['machineIdentifier', 'key', 'uuid', 'code', 'clientIdentifier'].includes(k))
            continue;
          out[k] = strip(v);
        }
        return out;
      }
      return value;
    };
    return make(JSON.stringify(strip(json)));
  } catch {
    return make(body);
  }
}

/** One shared link: each chunk waits for its share of `kbps` (a relay's bandwidth cap). */
function pacer(kbps: number) {
  let freeAt = 0;
  return async (bytes: number) => {
    const now = Date.now();
    const start = Math.max(now, freeAt);
    freeAt = start + (bytes * 8) / kbps;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  };
}

/** The body through a shared, capped link, 4 KB at a time. */
function capped(response: Response, take: (bytes: number) => Promise<void>): Response {
  const source = response.body;
  if (!source) return response;
  const reader = source.getReader();
  let left: Uint8Array | null = null;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!left || left.byteLength === 0) {
        const { done, value } = await reader.read().catch((error: unknown) => {
          controller.error(error);
          return { done: true, value: undefined };
        });
        if (done || !value) return controller.close();
        left = value;
      }
      const piece = left.slice(0, 4096);
      left = left.subarray(piece.byteLength);
      await take(piece.byteLength);
      controller.enqueue(piece);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** The body in tenth-of-a-second chunks; cut off (an error) once `dropped()` says so. */
async function slowly(
  response: Response,
  bytesPerSecond: number,
  dropped: () => boolean,
): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const chunk = Math.max(1, Math.round(bytesPerSecond / 10));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 100));
      if (dropped()) return controller.error(new Error('connection dropped'));
      controller.enqueue(bytes.slice(sent, sent + chunk));
      sent += chunk;
      if (sent >= bytes.length) controller.close();
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** The headers and half the body, then silence until the client gives up (then a cut). */
async function stalled(response: Response, signal: AbortSignal): Promise<Response> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.slice(0, Math.max(1, Math.floor(bytes.length / 2))));
      const leave = () => controller.error(new Error('client went away'));
      if (signal.aborted) leave();
      else signal.addEventListener('abort', leave, { once: true });
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

export function createFakePlex(options: FakePlexOptions): FakePlex {
  const model = createModel(options);
  const faults = new FaultBook();
  const requests: RecordedRequest[] = [];
  let stormCounter = 0;
  const links = new WeakMap<Fault, (bytes: number) => Promise<void>>();
  const isPlexTvOrigin = (origin: string) => options.plexTvOrigins.includes(origin);
  const serverFor = (origin: string) =>
    model.servers.find((s) => s.connections.some((c) => new URL(c.uri).origin === origin));

  function control(request: Request, url: URL): Response | Promise<Response> {
    const ok = (value: unknown = { ok: true }) =>
      new Response(JSON.stringify(value), {
        headers: { 'Content-Type': 'application/json', ...corsHeaders(request) },
      });
    switch (url.pathname) {
      case '/__fake/pins/approve':
        return approvePin(model, url.searchParams.get('code') ?? '')
          ? ok()
          : text(request, 404, 'no such code');
      case '/__fake/pins/expire':
        expirePins(model);
        return ok();
      case '/__fake/faults':
        if (request.method === 'DELETE') {
          faults.clear();
          return ok();
        }
        return request.json().then((body: Fault) => {
          faults.add(body);
          return ok();
        });
      case '/__fake/requests':
        if (request.method === 'DELETE') requests.length = 0;
        return ok(requests);
      case '/__fake/revoke':
        model.revokedTokens.add(model.user.token);
        return ok();
      case '/__fake/state':
        return ok({
          userToken: model.user.token,
          servers: model.servers.map((s) => ({
            id: s.machineIdentifier,
            accessToken: s.accessToken,
          })),
        });
      default:
        return text(request, 404, 'unknown control route');
    }
  }

  async function handle(request: Request): Promise<Response> {
    // answer() records the request before its first await: take that record, not a later one.
    const before = requests.length;
    const pending = answer(request);
    const record = requests.length > before ? requests[before] : undefined;
    const response = await pending;
    if (record) {
      record.status = response.status;
      record.retryAfter = response.headers.get('Retry-After');
    }
    return response;
  }

  async function answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    for (const name of RECORDED_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    if (!url.pathname.startsWith('/__fake/')) {
      requests.push({
        method: request.method,
        origin: url.origin,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers,
        at: Date.now(),
      });
    }

    const plexTv = isPlexTvOrigin(url.origin);
    if (request.method === 'OPTIONS') {
      // plex.tv has been seen failing browser preflights: so does the fake, so any request that
      // needs one fails in tests exactly as it would for users. The one exception is removing a
      // device, which Plex Web does from a browser (a DELETE, so plex.tv answers its preflight at
      // least for app.plex.tv; for other origins unconfirmed: `refuseDeviceRemoval` plays that).
      const deviceRemoval =
        /^\/devices\/\d+\.xml$/.test(url.pathname) &&
        request.headers.get('Access-Control-Request-Method') === 'DELETE' &&
        !model.refuseDeviceRemoval;
      if (plexTv && !deviceRemoval) return new Response('preflight refused', { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(request),
          'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
          'Access-Control-Allow-Headers':
            request.headers.get('Access-Control-Request-Headers') ?? '*',
        },
      });
    }
    if (plexTv && url.pathname.startsWith('/__fake/')) return control(request, url);

    let mangleMode: Extract<Fault, { kind: 'malformed' }>['mode'] | null = null;
    let throttle: number | null = null;
    let stall = false;
    let withoutCors = false;
    let link: ((bytes: number) => Promise<void>) | null = null;
    for (const fault of faults.take(url)) {
      if (fault.kind === 'no-cors') withoutCors = true;
      if (
        fault.kind === 'no-cors-without-token' &&
        plexParam(request, url, 'X-Plex-Token') === null
      )
        withoutCors = true;
      if (fault.kind === 'bandwidth') {
        if (!links.has(fault)) links.set(fault, pacer(fault.kbps));
        link = links.get(fault) ?? null;
      }
      if (fault.kind === 'latency') await waitFor(fault.ms, request.signal);
      if (fault.kind === 'hang') return hangUntilAborted(request.signal);
      if (fault.kind === 'drop') return Response.error();
      if (fault.kind === 'status') {
        const response = text(request, fault.status, fault.body ?? `fault ${fault.status}`);
        if (fault.retryAfter !== undefined) response.headers.set('Retry-After', fault.retryAfter);
        return response;
      }
      if (fault.kind === 'rate-limit-storm') {
        stormCounter += 1;
        if (stormCounter % fault.every === 0) {
          const response = text(request, 429, 'Too Many Requests');
          const choices = fault.retryAfterSeconds ?? [];
          const pick = choices[stormCounter % Math.max(1, choices.length)];
          if (pick !== undefined && pick !== null)
            response.headers.set('Retry-After', String(pick));
          return response;
        }
      }
      if (fault.kind === 'malformed') mangleMode = fault.mode;
      if (fault.kind === 'throttle') throttle = fault.bytesPerSecond;
      if (fault.kind === 'stall-body') stall = true;
    }

    let response: Response | null = null;
    if (plexTv) {
      if (/^\/users\/[^/]+\/avatar$/.test(url.pathname))
        response = text(request, 200, avatarSvg(), 'image/svg+xml');
      else if (url.pathname === '/auth')
        response = text(
          request,
          200,
          authPageHtml(options.autoApprove),
          'text/html; charset=utf-8',
        );
      else response = plexTvRoute(model, request, url);
    } else {
      const server = serverFor(url.origin);
      if (server) response = pmsRoute(model, server, request, url);
    }
    response ??= text(
      request,
      404,
      '<html><body><h1>404 Not Found</h1></body></html>',
      'text/html',
    );
    if (mangleMode) return mangle(response, mangleMode);
    if (withoutCors) {
      // A server that doesn't answer browsers from other origins: <audio> still plays its
      // files, but fetch() can't read them (shared users have met this with downloads).
      for (const name of [...response.headers.keys()])
        if (name.startsWith('access-control-')) response.headers.delete(name);
    }
    if (link) response = capped(response, link);
    if (stall) return stalled(response, request.signal);
    return throttle ? slowly(response, throttle, () => faults.dropped(url)) : response;
  }

  return {
    model,
    faults,
    requests,
    handle,
    approve: (code) => approvePin(model, code),
    isPlexTvOrigin,
  };
}
