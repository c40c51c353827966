// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { useDownloadsStore } from './downloads-store';
import { PIECES_FROM } from './fetch-pieces';
import { startDownloadRunner } from './runner';
import { loadDownloads } from './tab-group';

const SIZE = PIECES_FROM + 1_234_567;
const KEY = 's:101@original';
const track: Track = {
  id: '1',
  title: 'Long Song',
  artist: 'Band',
  album: 'Record',
  durationMs: 600_000,
  media: { partId: 101, partKey: '/library/parts/101/file.mp3', size: SIZE },
};
const store = () => useDownloadsStore.getState();
async function until(check: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(store().jobs[KEY])}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A server holding a file of SIZE bytes that answers Range requests as RFC 9110 says. */
function server({ ignoresRange = false } = {}) {
  const ranges: Array<string | null> = [];
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('Range');
    ranges.push(range);
    const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
    const headers = { 'Content-Type': 'audio/mpeg', ETag: '"v1"' };
    if (!match || ignoresRange)
      return new Response(new Uint8Array(SIZE), {
        status: 200,
        headers: { ...headers, 'Content-Length': String(SIZE) },
      });
    const from = Number(match[1]);
    const to = match[2] ? Math.min(Number(match[2]), SIZE - 1) : SIZE - 1;
    return new Response(new Uint8Array(to - from + 1), {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(to - from + 1),
        'Content-Range': `bytes ${from}-${to}/${SIZE}`,
      },
    });
  };
  return { ranges, fetchImpl };
}

let stop: () => Promise<void> = async () => undefined;
function start(fetchImpl: typeof fetch) {
  stop = startDownloadRunner({
    sourceFor: () => ({ url: 'http://pms.test/library/parts/101/file.mp3', transcoded: false }),
    corsRefused: async () => false,
    isOnline: () => true,
    whenOnline: () => () => undefined,
    fetchImpl,
    backoffMs: () => 10,
  });
}
const playlist = { id: 'playlist:s:1', kind: 'playlist' as const, title: 'Mix', serverId: 's' };

beforeEach(async () => {
  await store().removeAll();
  await loadDownloads();
});
afterEach(() => stop());

/** Each range asked for, as [from, to]. */
const spans = (ranges: Array<string | null>) =>
  ranges.map((r) => (/^bytes=(\d+)-(\d+)$/.exec(r ?? '') ?? []).slice(1).map(Number));

describe('a big file, fetched in Range pieces', () => {
  it('asks for each byte once, in bounded pieces, and keeps the file whole', async () => {
    const { ranges, fetchImpl } = server();
    start(fetchImpl);
    store().enqueue(playlist, [track]);
    await until(() => store().jobs[KEY]?.status === 'done');
    expect(store().jobs[KEY]).toMatchObject({ bytes: SIZE, total: SIZE, chunks: 0 });
    const asked = spans(ranges);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked[0]?.[0]).toBe(0);
    for (let i = 1; i < asked.length; i += 1)
      expect(asked[i]?.[0]).toBe((asked[i - 1]?.[1] ?? 0) + 1);
    expect(asked.at(-1)?.[1]).toBe(SIZE - 1);
  });

  it('resumes from the last piece saved, with If-Range, after a stop', async () => {
    // The first piece arrives; the second never does, until the download is stopped.
    const first = server();
    let pieces = 0;
    start(async (url, init) => {
      pieces += 1;
      if (pieces === 1) return first.fetchImpl(url, init);
      return new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    });
    store().enqueue(playlist, [track]);
    await until(() => pieces === 2);
    await stop();
    const held = store().jobs[KEY]?.bytes ?? 0;
    expect(held).toBeGreaterThan(0);

    const second = server();
    const ifRanges: Array<string | null> = [];
    start(async (url, init) => {
      ifRanges.push(new Headers(init?.headers).get('If-Range'));
      return second.fetchImpl(url, init);
    });
    await until(() => store().jobs[KEY]?.status === 'done');
    expect(spans(second.ranges)[0]?.[0]).toBe(held);
    expect(ifRanges[0]).toBe('"v1"');
    expect(store().jobs[KEY]).toMatchObject({ bytes: SIZE, total: SIZE, chunks: 0 });
  });

  it('keeps the whole file a server sends when it ignores Range', async () => {
    const { ranges, fetchImpl } = server({ ignoresRange: true });
    start(fetchImpl);
    store().enqueue(playlist, [track]);
    await until(() => store().jobs[KEY]?.status === 'done');
    expect(ranges).toHaveLength(1);
    expect(store().jobs[KEY]).toMatchObject({ bytes: SIZE, total: SIZE, chunks: 0 });
  });
});
