// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { useDownloadsStore } from './downloads-store';
import { readFile } from './download-db';
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

/** The file's bytes: a pattern, so a byte saved at the wrong place or twice shows. */
function bytesOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = i % 251;
  return bytes;
}

/**
 * A server holding a file of `size` bytes (SIZE, as Plex lists it, unless the file has changed
 * since) that answers Range requests as RFC 9110 says; `hidesRange` keeps Content-Range from
 * scripts, as a server without Access-Control-Expose-Headers does.
 */
function server({ ignoresRange = false, size = SIZE, hidesRange = false } = {}) {
  const ranges: Array<string | null> = [];
  const file = bytesOf(size);
  const fetchImpl = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const range = new Headers(init?.headers).get('Range');
    ranges.push(range);
    const match = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
    const headers = { 'Content-Type': 'audio/mpeg', ETag: '"v1"' };
    if (!match || ignoresRange)
      return new Response(file, {
        status: 200,
        headers: { ...headers, 'Content-Length': String(size) },
      });
    const from = Number(match[1]);
    const to = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
    return new Response(file.slice(from, to + 1), {
      status: 206,
      headers: {
        ...headers,
        'Content-Length': String(to - from + 1),
        ...(hidesRange ? {} : { 'Content-Range': `bytes ${from}-${to}/${size}` }),
      },
    });
  };
  return { ranges, fetchImpl };
}

/** The file as saved is exactly the server's, byte for byte. */
async function savedIsWhole(size: number) {
  const saved = await readFile(KEY);
  expect(saved?.size).toBe(size);
  // Compared in one go: a deep equality over megabytes of bytes takes tens of seconds.
  const same = Buffer.compare(Buffer.from(await (saved as Blob).arrayBuffer()), bytesOf(size));
  expect(same).toBe(0);
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

/** Each range asked for, as [from, to] (to undefined: to the end). */
const spans = (ranges: Array<string | null>) =>
  ranges.map((r) => {
    const [, from, to] = /^bytes=(\d+)-(\d*)$/.exec(r ?? '') ?? [];
    return [Number(from), to ? Number(to) : undefined] as const;
  });

describe('a big file, fetched in Range pieces', () => {
  it('asks for each byte once, in bounded pieces then the rest, and keeps the file whole', async () => {
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
    // The last piece is open-ended: it brings the file's end, whatever its size.
    expect(asked.at(-1)?.[1]).toBeUndefined();
    await savedIsWhole(SIZE);
  });

  // Plex's listed size can be old (a file retagged since): the file is saved with its end.
  for (const hidesRange of [false, true])
    it(`saves a file bigger than Plex listed whole${hidesRange ? ', Content-Range unreadable' : ''}`, async () => {
      const size = SIZE + 300_000;
      const { fetchImpl } = server({ size, hidesRange });
      start(fetchImpl);
      store().enqueue(playlist, [track]);
      await until(() => store().jobs[KEY]?.status === 'done');
      expect(store().jobs[KEY]).toMatchObject({ bytes: size, total: size, chunks: 0 });
      await savedIsWhole(size);
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
    await savedIsWhole(SIZE);
  });

  it('keeps the whole file a server sends when it ignores Range', async () => {
    const { ranges, fetchImpl } = server({ ignoresRange: true });
    start(fetchImpl);
    store().enqueue(playlist, [track]);
    await until(() => store().jobs[KEY]?.status === 'done');
    expect(ranges).toHaveLength(1);
    expect(store().jobs[KEY]).toMatchObject({ bytes: SIZE, total: SIZE, chunks: 0 });
    await savedIsWhole(SIZE);
  });
});
