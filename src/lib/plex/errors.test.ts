import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPlexError, PlexError, plexErrorCodes } from './errors';
import { requestJson, send, type FetchLike } from './request';
import { serverPath } from './urls';

/**
 * The client hands out codes, never words (decision 028): the UI words them
 * (ui/plex-error-text.ts). The types hold the line at the constructor; the failures below hold
 * it for what the client really throws.
 */

const origin = 'https://10-0-0-2.abc.plex.direct:32400';
const identity = v.object({ MediaContainer: v.object({ machineIdentifier: v.string() }) });

const answer =
  (body: string, status = 200, headers: Record<string, string> = {}): FetchLike =>
  () =>
    Promise.resolve(new Response(body, { status, headers }));

async function thrown(run: () => Promise<unknown>): Promise<PlexError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PlexError)) throw new Error(`not a PlexError: ${String(error)}`);
  return error;
}

const get = (fetchImpl: FetchLike, timeoutMs?: number) =>
  thrown(() => requestJson(identity, { url: `${origin}/identity`, timeoutMs }, fetchImpl));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Plex errors', () => {
  it('take a code from a closed list, and no words', () => {
    // @ts-expect-error: a sentence is not a code
    expect(() => new PlexError({ code: "Couldn't reach pms." })).toThrow(TypeError);
    // @ts-expect-error: the words are the UI's, not the error's (lint says so too)
    const worded = new PlexError({ code: 'unreachable', message: "Couldn't reach pms." }); // eslint-disable-line no-restricted-syntax
    expect(worded.message).toBe('unreachable');
    expect(new PlexError({ code: 'gone', item: 'album' })).toMatchObject({
      kind: 'not-found',
      message: 'gone',
    });
  });

  it('are coded, whatever went wrong, and say only their code and where', async () => {
    const failures = await Promise.all([
      get(answer('', 401)),
      get(answer('', 498)),
      get(answer('', 404)),
      get(answer('', 429, { 'Retry-After': '3' })),
      get(answer('', 503)),
      get(answer('', 403)),
      get(answer('<MediaContainer/>')),
      get(answer('{"MediaContainer":')),
      get(answer('{"MediaContainer":{}}')),
      get(() => Promise.reject(new TypeError('Failed to fetch'))),
      get(
        (_url, init) =>
          new Promise((_r, reject) =>
            init?.signal?.addEventListener('abort', () =>
              reject(new DOMException('', 'AbortError')),
            ),
          ),
        5,
      ),
      thrown(async () => serverPath(origin, '//evil.example/x')),
    ]);
    expect(failures.map((e) => e.code)).toEqual([
      'sign-in-refused',
      'sign-in-refused',
      'not-found',
      'rate-limited',
      'server-error',
      'refused',
      'xml-reply',
      'unreadable-reply',
      'unexpected-reply',
      'unreachable',
      'no-answer',
      'unsafe-address',
    ]);
    for (const error of failures) {
      expect(plexErrorCodes()).toContain(error.code);
      expect(error.message).toBe(error.where ? `${error.code} (${error.where})` : error.code);
    }
    expect(failures[3]?.retryAfterMs).toBe(3000);
  });

  it('are coded offline too', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const error = await thrown(() =>
      send({ url: `${origin}/identity` }, () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(error.code).toBe('offline');
    expect(isPlexError(error, 'offline')).toBe(true);
  });
});
