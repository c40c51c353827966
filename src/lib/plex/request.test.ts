import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { isPlexError } from './errors';
import { mapItems } from './map-metadata';
import { readText, reportNetworkTo, requestJson, send, type FetchLike } from './request';
import { serverPath } from './urls';

const origin = 'https://10-0-0-2.abc.plex.direct:32400';

describe('server paths', () => {
  it('joins a Part key to the connection as a path', () => {
    expect(serverPath(origin, '/library/parts/5004/1732000000/file.flac')).toBe(
      `${origin}/library/parts/5004/1732000000/file.flac`,
    );
  });

  it('never lets a key lead to another host', () => {
    for (const key of [
      '//evil.example/x',
      '/\\evil.example/x',
      'https://evil.example/x',
      '@evil.example/x',
    ])
      expect(() => serverPath(origin, key)).toThrow(
        expect.objectContaining({ code: 'unsafe-address' }),
      );
  });

  it('treats a track whose only part points elsewhere as having no playable file', () => {
    const part = (key: string) => ({
      ratingKey: '1',
      type: 'track',
      title: 'T',
      Media: [{ Part: [{ id: 9, key }] }],
    });
    const { items } = mapItems('track', [part('//evil.example/x'), part('/library/parts/9/f.mp3')]);
    expect(items.map((t) => t.media?.partKey ?? null)).toEqual([null, '/library/parts/9/f.mp3']);
  });
});

describe('what the network status hears from requests', () => {
  it('an answer (even a refusal) and a network failure, by origin only: never the token', async () => {
    const heard: string[] = [];
    const stop = reportNetworkTo({
      answered: (o) => heard.push(`answered ${o}`),
      failed: (o) => heard.push(`failed ${o}`),
    });
    try {
      const refusing: FetchLike = () => Promise.resolve(new Response('', { status: 401 }));
      const dead: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
      const slow: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        );
      const params = { 'X-Plex-Token': 'secret-token' };
      await expect(send({ url: `${origin}/library/sections`, params }, refusing)).rejects.toThrow();
      await expect(send({ url: `${origin}/identity`, params }, dead)).rejects.toMatchObject({
        code: 'unreachable',
      });
      // A timeout is a slow link, not proof there is no network.
      await expect(send({ url: `${origin}/x`, params, timeoutMs: 5 }, slow)).rejects.toThrow();
      expect(heard).toEqual([`answered ${origin}`, `failed ${origin}`]);
      expect(heard.join()).not.toContain('secret-token');
    } finally {
      stop();
    }
  });
});

/** A body that sends `first` and then nothing more, ever (a stalled connection). */
function stallingBody(first: string, reading?: () => void): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
    },
    // Asked for more once the first piece is read: the reader is waiting in the body now.
    pull() {
      reading?.();
    },
  });
}

/** A body sent in pieces, one every `gapMs`. */
function tricklingBody(pieces: string[], gapMs: number): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      const piece = pieces[next++];
      if (piece === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(piece));
    },
  });
}

const answering =
  (body: () => ReadableStream<Uint8Array>): FetchLike =>
  () =>
    Promise.resolve(new Response(body(), { headers: { 'Content-Type': 'application/json' } }));

const identity = v.object({ MediaContainer: v.object({ machineIdentifier: v.string() }) });

describe('timeouts that hold while a body is read', () => {
  it('fails as a timeout when the body stops arriving for the request’s timeout', async () => {
    vi.useFakeTimers();
    const stalled = answering(() => stallingBody('{"MediaContainer":{"machine'));
    const outcome = requestJson(identity, { url: `${origin}/identity`, timeoutMs: 4000 }, stalled)
      .then(() => 'answered')
      .catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(3900);
    expect(await Promise.race([outcome, Promise.resolve('still waiting')])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(200);
    const error = await outcome;
    expect(isPlexError(error, 'timeout')).toBe(true);
    expect(String(error)).toContain('10-0-0-2.abc.plex.direct:32400');
  });

  it('lets a slow body finish while its pieces keep coming', async () => {
    vi.useFakeTimers();
    const pieces = ['{"MediaContainer":', '{"machineIdentifier":', '"abc"}', '}'];
    const slow = answering(() => tricklingBody(pieces, 3000));
    const outcome = requestJson(identity, { url: `${origin}/identity`, timeoutMs: 4000 }, slow);
    await vi.advanceTimersByTimeAsync(5 * 3000);
    // 15 s in all, never 4 s without a byte.
    await expect(outcome).resolves.toEqual({ MediaContainer: { machineIdentifier: 'abc' } });
  });

  it('gives up at the deadline however the body trickles (a probe)', async () => {
    vi.useFakeTimers();
    const pieces = ['{"MediaContainer":', '{"machineIdentifier":', '"abc"}', '}'];
    const slow = answering(() => tricklingBody(pieces, 1500));
    const outcome = requestJson(
      identity,
      { url: `${origin}/identity`, timeoutMs: 4000, deadlineMs: 4000 },
      slow,
    ).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(4100);
    expect(isPlexError(await outcome, 'timeout')).toBe(true);
  });

  it('is cancelled with its caller while the body is read', async () => {
    const caller = new AbortController();
    let reading = false;
    const stalled = answering(() => stallingBody('{"Media', () => (reading = true)));
    const outcome = requestJson(
      identity,
      { url: `${origin}/identity`, signal: caller.signal, timeoutMs: 60_000 },
      stalled,
    ).catch((error: unknown) => error);
    await vi.waitFor(() => expect(reading).toBe(true));
    caller.abort();
    expect(isPlexError(await outcome, 'aborted')).toBe(true);
  });

  it('calls a connection cut in the middle of a body unreachable, not a raw error', async () => {
    const cut: FetchLike = () =>
      Promise.resolve(
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"Media'));
              controller.error(new TypeError('network error'));
            },
          }),
        ),
      );
    const error = await requestJson(identity, { url: `${origin}/identity` }, cut).catch(
      (e: unknown) => e,
    );
    expect(isPlexError(error, 'unreachable')).toBe(true);
  });

  it('holds for a body read after send(), too (readText)', async () => {
    vi.useFakeTimers();
    const request = { url: `${origin}/devices.xml`, timeoutMs: 2000 };
    const response = await send(
      request,
      answering(() => stallingBody('<MediaContainer>')),
    );
    const outcome = readText(response, request).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(2100);
    expect(isPlexError(await outcome, 'timeout')).toBe(true);
  });
});
