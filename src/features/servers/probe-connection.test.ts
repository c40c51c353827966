import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Connection, PlexServer } from '../../domain';
import { candidatesOf } from './connect';
import { pageIsOnPrivateNetwork } from './local-network-permission';
import { identityProbe, PROBE_TIMEOUT_MS } from './probe-connection';
import { testClientInfo } from '../../testing/fixtures';

const client = testClientInfo;
const connection = (uri: string, local = false): Connection => ({
  uri,
  protocol: uri.startsWith('https') ? 'https' : 'http',
  address: new URL(uri).hostname,
  port: 32400,
  local,
  relay: false,
  ipv6: false,
  tier: local ? 'local' : 'remote',
});

/** A server that sends CORS headers only to requests that carry its token (the worst case). */
function corsOnlyWithToken() {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    seen.push(`${init.mode ?? 'cors'} ${url.includes('X-Plex-Token=') ? 'token' : 'no-token'}`);
    if (init.mode === 'no-cors') return new Response(null, { status: 200 });
    if (!url.includes('X-Plex-Token=server-token')) throw new TypeError('Failed to fetch');
    return Response.json({ MediaContainer: { machineIdentifier: 'abc' } });
  });
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe('probing a connection', () => {
  it('asks again with the token where the certificate proves the server (https plex.direct)', async () => {
    const seen = corsOnlyWithToken();
    const probe = identityProbe('abc', client, { token: 'server-token' });
    const outcome = await probe(
      connection('https://10-0-0-2.0123abcd.plex.direct:32400', true),
      new AbortController().signal,
    );
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual(['cors no-token', 'no-cors no-token', 'cors token']);
  });

  it('never sends the token to a plain address, which anyone could hold', async () => {
    const seen = corsOnlyWithToken();
    const probe = identityProbe('abc', client, { token: 'server-token' });
    const outcome = await probe(
      connection('http://192.168.1.20:32400', true),
      new AbortController().signal,
    );
    expect(outcome).toEqual({ ok: false, reason: 'cors' });
    expect(seen.some((s) => s.endsWith(' token'))).toBe(false);
  });

  it('calls a failed local probe "waiting for permission" while the browser asks the user', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const probe = identityProbe('abc', client, { localNetwork: () => 'prompt' });
    const signal = new AbortController().signal;
    expect(await probe(connection('https://10-0-0-2.x.plex.direct:32400', true), signal)).toEqual({
      ok: false,
      reason: 'permission',
    });
    const refused = identityProbe('abc', client, { localNetwork: () => 'denied' });
    expect(await refused(connection('https://10-0-0-2.x.plex.direct:32400', true), signal)).toEqual(
      {
        ok: false,
        reason: 'blocked',
      },
    );
    // A remote address is not the browser's question.
    expect(await probe(connection('https://203-0-113-7.x.plex.direct:32400'), signal)).toEqual({
      ok: false,
      reason: 'unreachable',
    });
  });
});

describe('a connection that answers and then stalls', () => {
  /** Headers after `headersAfterMs`, then half of /identity's body, then nothing. */
  function stallingIdentity(headersAfterMs: number) {
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit = {}) =>
        new Promise<Response>((resolve, reject) => {
          const timer = setTimeout(() => {
            const body = new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"MediaContainer":{"machin'));
                init.signal?.addEventListener('abort', () =>
                  controller.error(new DOMException('aborted', 'AbortError')),
                );
              },
            });
            resolve(new Response(body, { headers: { 'Content-Type': 'application/json' } }));
          }, headersAfterMs);
          init.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
    );
  }

  it.each([0, 3000])(
    'fails within the probe timeout (headers after %i ms), so the choice moves on',
    async (headersAfterMs) => {
      vi.useFakeTimers();
      stallingIdentity(headersAfterMs);
      const probe = identityProbe('abc', client);
      let outcome: unknown = 'still waiting';
      void probe(
        connection('https://10-0-0-2.x.plex.direct:32400', true),
        new AbortController().signal,
      ).then((o) => (outcome = o));
      await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS - 100);
      expect(outcome).toBe('still waiting');
      await vi.advanceTimersByTimeAsync(200);
      expect(outcome).toEqual({ ok: false, reason: 'timeout' });
    },
  );
});

describe('which connections are probed', () => {
  const server = (owned: boolean): PlexServer => ({
    id: 'abc',
    name: 'S',
    product: 'Plex Media Server',
    owned,
    accessToken: 't',
    presence: true,
    httpsRequired: false,
    connections: [
      connection('https://10-0-0-2.x.plex.direct:32400', true),
      connection('https://203-0-113-7.x.plex.direct:32400'),
    ],
  });

  it("skips the local addresses of a server the user doesn't own (no prompt for a friend's LAN)", () => {
    expect(candidatesOf(server(true))).toHaveLength(2);
    expect(candidatesOf(server(false)).map((c) => c.tier)).toEqual(['remote']);
  });
});

describe("Chrome's local network question", () => {
  it('is asked of public pages only: a page on a private address reaches the LAN freely', () => {
    for (const host of [
      'localhost',
      '127.0.0.1',
      '192.168.1.5',
      '10.0.0.2',
      '172.20.1.1',
      'nas.local',
    ])
      expect(pageIsOnPrivateNetwork(host)).toBe(true);
    for (const host of ['jo.github.io', 'music.example.com', '172.32.0.1'])
      expect(pageIsOnPrivateNetwork(host)).toBe(false);
  });
});
