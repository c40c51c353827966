// @vitest-environment node
// Node's Blob: saved chunks are read back to resume from them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Track } from '../../domain';
import { useDownloadsStore } from './downloads-store';
import { INACTIVITY_MS } from './fetch-part';
import { startDownloadRunner } from './runner';
import { SHOW_EVERY_MS } from './run-updates';
import { loadDownloads } from './tab-group';

const SIZE = 10_000;
const track: Track = {
  id: '1',
  title: 'Song',
  artist: 'Band',
  album: 'Record',
  media: { partId: 7, partKey: '/library/parts/7/1/file.mp3', size: SIZE },
};
const KEY = 's:7@original';
const store = () => useDownloadsStore.getState();

/**
 * Headers, then `sent` bytes in 1,000-byte pieces, then (unless that was the whole rest of the
 * file) nothing: the connection is silent.
 */
function stalling(sent: number, headers: Record<string, string> = {}, whole = false) {
  let given = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (given >= sent && whole) return controller.close();
      if (given >= sent) return new Promise<void>(() => undefined);
      controller.enqueue(new Uint8Array(1000).fill(1));
      given += 1000;
    },
  });
  return new Response(body, {
    status: headers['Content-Range'] ? 206 : 200,
    headers: { 'Content-Length': String(SIZE), ...headers },
  });
}

let stop: () => Promise<void> = async () => undefined;
const requests: Array<string | null> = [];

function start(answer: (n: number) => Promise<Response>) {
  requests.length = 0;
  stop = startDownloadRunner({
    sourceFor: () => ({ url: 'http://pms.test/library/parts/7/1/file.mp3', transcoded: false }),
    corsRefused: async () => false,
    isOnline: () => true,
    whenOnline: () => () => undefined,
    backoffMs: () => 2_000,
    chunkBytes: 1000,
    fetchImpl: (_url, init) => {
      requests.push(new Headers(init?.headers).get('Range'));
      return answer(requests.length);
    },
  });
  store().enqueue({ id: 'track:s:1', kind: 'track', title: 'Song', serverId: 's' }, [track]);
}

/** Lets IndexedDB (real timers, setImmediate) and the runner's promises settle. */
const settle = async () => {
  for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r));
};
/** Waits (in real time: IndexedDB's) until the job is done. */
async function done(): Promise<void> {
  for (let i = 0; i < 2_000 && store().jobs[KEY]?.status !== 'done'; i += 1)
    await new Promise((r) => setImmediate(r));
  expect(store().jobs[KEY]?.status).toBe('done');
}

beforeEach(async () => {
  await store().removeAll();
  await loadDownloads();
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'],
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await stop();
});

describe('a download that stops receiving', () => {
  it(`gives the attempt up after ${INACTIVITY_MS / 1000} s of silence and resumes from the saved chunks`, async () => {
    start(async (n) =>
      n === 1
        ? stalling(3000)
        : stalling(SIZE - 3000, { 'Content-Range': `bytes 3000-${SIZE - 1}/${SIZE}` }, true),
    );
    await settle();
    // (A running file's changes are shown together, at most SHOW_EVERY_MS later: run-updates.ts.)
    await vi.advanceTimersByTimeAsync(SHOW_EVERY_MS);
    expect(store().jobs[KEY]).toMatchObject({ status: 'downloading', chunks: 3 });
    await vi.advanceTimersByTimeAsync(INACTIVITY_MS - 2_000 - SHOW_EVERY_MS);
    await settle();
    expect(store().jobs[KEY]?.status).toBe('downloading');
    await vi.advanceTimersByTimeAsync(3_000);
    await settle();
    expect(store().jobs[KEY]).toMatchObject({
      status: 'queued',
      attempts: 1,
      chunks: 3,
      error: { code: 'stalled', seconds: INACTIVITY_MS / 1000 },
    });
    // After the backoff, from the saved bytes.
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    await done();
    expect(requests).toEqual([null, 'bytes=3000-']);
  });

  it('gives up on a server that never answers at all, and never hangs', async () => {
    start((n) =>
      n === 1 ? new Promise<Response>(() => undefined) : Promise.resolve(stalling(SIZE, {}, true)),
    );
    await settle();
    await vi.advanceTimersByTimeAsync(INACTIVITY_MS + 1_000);
    await settle();
    expect(store().jobs[KEY]).toMatchObject({ status: 'queued', attempts: 1 });
    await vi.advanceTimersByTimeAsync(2_000);
    await done();
  });
});
