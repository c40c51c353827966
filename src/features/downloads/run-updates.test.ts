import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { useDownloadsStore, type DownloadsState } from './downloads-store';
import { startDownloadRunner } from './runner';
import { loadDownloads } from './tab-group';

const SIZE = 2_000;
const track: Track = {
  id: '1',
  title: 'Song',
  artist: 'Band',
  album: 'Record',
  durationMs: 8000,
  media: { partId: 7, partKey: '/library/parts/7/1/file.mp3', size: SIZE },
};
const KEY = 's:7@original';
const store = () => useDownloadsStore.getState();

/** The body in two halves, `gapMs` apart. */
function twoHalves(gapMs: number) {
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(new Uint8Array(SIZE / 2).fill(1));
      await new Promise((r) => setTimeout(r, gapMs));
      controller.enqueue(new Uint8Array(SIZE / 2).fill(2));
      controller.close();
    },
  });
  return new Response(body, {
    headers: { 'Content-Length': String(SIZE), 'Content-Type': 'audio/mpeg' },
  });
}

/** What the store's subscribers were told about the job, one entry per notification. */
function watch(): Array<{ status?: string; progress?: number }> {
  const seen: Array<{ status?: string; progress?: number }> = [];
  const unsubscribe = useDownloadsStore.subscribe((s: DownloadsState) => {
    if (!s.jobs[KEY]) return;
    seen.push({ status: s.jobs[KEY]?.status, progress: s.progress[KEY] });
  });
  stopWatching = unsubscribe;
  return seen;
}

async function until(check: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

let stop: () => Promise<void> = async () => undefined;
let stopWatching: () => void = () => undefined;
let release: () => void = () => undefined;

/** Queues the track with the runner held back (offline) until `release()`. */
function start(answer: () => Response) {
  let online = false;
  let wake: () => void = () => undefined;
  stop = startDownloadRunner({
    sourceFor: () => ({ url: 'http://pms.test/library/parts/7/1/file.mp3', transcoded: false }),
    corsRefused: async () => false,
    isOnline: () => online,
    whenOnline: (listener) => {
      wake = listener;
      return () => undefined;
    },
    fetchImpl: async () => answer(),
  });
  store().enqueue({ id: 'track:s:1', kind: 'track', title: 'Song', serverId: 's' }, [track]);
  release = () => {
    online = true;
    wake();
  };
}

beforeEach(async () => {
  await store().removeAll();
  await loadDownloads();
});
afterEach(async () => {
  stopWatching();
  await stop();
});

describe("a file's store updates", () => {
  it('tell the screens once for a file that arrives at once: queued, then done', async () => {
    start(() => twoHalves(0));
    await until(() => store().jobs[KEY]?.status === 'queued');
    const seen = watch();
    release();
    await until(() => store().jobs[KEY]?.status === 'done');
    // One notification, one render: no "downloading", size or progress step on the way.
    expect(seen).toEqual([{ status: 'done', progress: undefined }]);
    expect(store().jobs[KEY]).toMatchObject({ bytes: SIZE, total: SIZE, chunks: 0 });
  });

  it('still show a file that takes its time downloading, with its progress, before done', async () => {
    start(() => twoHalves(400));
    await until(() => store().jobs[KEY]?.status === 'queued');
    const seen = watch();
    release();
    await until(() => store().jobs[KEY]?.status === 'done');
    const before = seen.slice(0, -1);
    expect(before.some((s) => s.status === 'downloading' && s.progress === SIZE / 2)).toBe(true);
    // A few updates while it arrives, not one per change.
    expect(before.length).toBeLessThanOrEqual(2);
    expect(seen.at(-1)).toEqual({ status: 'done', progress: undefined });
  });
});
