import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP } from '../tests/e2e/browser';
import { openPage, signInThroughPlex, startE2E, type E2E } from '../tests/e2e/harness';
import { figure, median, type Figure } from './stats';

const NAME_SHIM = 'window.__name = (fn) => fn;';

interface DownloadRun {
  appMs: number;
  plainMs: number;
  bytes: number;
  offlinePlayMs: number;
}

/** The part URLs the fake served since request `from`, as the page asked for them. */
const partUrlsSince = (e2e: E2E, from: number) =>
  e2e.fake.requests
    .slice(from)
    .filter((r) => r.path.startsWith('/library/parts/'))
    .map((r) => `${r.origin}${r.path}?${new URLSearchParams(r.query).toString()}`);

/** Plain fetch()es of `urls` in the page, two at a time, bodies read and dropped: the floor. */
function plainFetch(page: Page, urls: string[]): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(async (list) => {
    const start = performance.now();
    let bytes = 0;
    const queue = [...list];
    const worker = async () => {
      for (let url = queue.shift(); url; url = queue.shift()) {
        const response = await fetch(url, { cache: 'no-store' });
        bytes += (await response.arrayBuffer()).byteLength;
      }
    };
    await Promise.all([worker(), worker()]);
    return { ms: performance.now() - start, bytes };
  }, urls);
}

async function noHttpCache(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
}

/**
 * Downloading Road Trip in the app (to IndexedDB, two at a time, chunked) against plain fetch()es
 * of the very same URLs in the same page (two at a time, bodies read and dropped); then, with the
 * network off, a cold start (reload) to that playlist's first track sounding, the tap included.
 */
async function downloadRun(e2e: E2E): Promise<DownloadRun> {
  const o = await openPage(e2e, DESKTOP);
  const { page, context } = o;
  await context.addInitScript({ content: NAME_SHIM });
  await signInThroughPlex(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.getByRole('link', { name: /Road Trip/ }).click();
  await page.getByRole('button', { name: 'Download Road Trip for offline play' }).waitFor();
  await noHttpCache(page);

  const firstPart = e2e.fake.requests.length;
  const started = Date.now();
  await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
  await page.getByText(/^Downloaded \(\d+\)$/).waitFor({ timeout: 60_000 });
  const appMs = Date.now() - started;
  const plain = await plainFetch(page, partUrlsSince(e2e, firstPart));

  // Offline cold start: the shell from the service worker, the list from IndexedDB, the audio
  // from the download.
  await context.setOffline(true);
  await page.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function patched(this: HTMLMediaElement) {
      const poll = () => {
        const w = window as unknown as { __soundAt?: number };
        if (this.currentTime > 0) w.__soundAt ??= performance.now() - this.currentTime * 1000;
        else requestAnimationFrame(poll);
      };
      if (this.src.startsWith('blob:')) requestAnimationFrame(poll);
      return play.call(this);
    };
  });
  await page.reload();
  await page.getByRole('button', { name: /Play Departure Board/ }).click();
  await page.waitForFunction(
    () => (window as unknown as { __soundAt?: number }).__soundAt !== undefined,
    undefined,
    { timeout: 15_000 },
  );
  const offlinePlayMs = await page.evaluate(
    () => (window as unknown as { __soundAt: number }).__soundAt,
  );
  await context.close();
  return { appMs, plainMs: plain.ms, bytes: plain.bytes, offlinePlayMs };
}

const LARGE_ALBUM = 'Night Transit';
const LARGE_FILE_MB = 8;

/**
 * The demo's files are ~100 KB, where the work done per file (records, the final write, the
 * screen) outweighs the bytes. Real tracks are 5–50 MB: for this figure the album's tracks are
 * served from files of LARGE_FILE_MB (the demo's audio repeated), until `restore()`.
 */
function withLargeFiles(e2e: E2E): () => void {
  const library = e2e.fake.model.servers[0]?.library;
  const album = library?.albums.find((a) => a.title === LARGE_ALBUM);
  const tracks = library?.tracks.filter((t) => t.albumKey === album?.ratingKey) ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'plexm8-bench-'));
  const originals = tracks.map((track) => {
    const original = track.file;
    const bytes = readFileSync(original.path);
    const copies = Math.ceil((LARGE_FILE_MB * 1e6) / bytes.length);
    const path = join(dir, `${track.partId}-${original.name}`);
    writeFileSync(path, Buffer.concat(Array.from({ length: copies }, () => bytes)));
    track.file = { ...original, path, size: bytes.length * copies };
    return original;
  });
  return () => {
    tracks.forEach((track, i) => (track.file = originals[i] ?? track.file));
    rmSync(dir, { recursive: true, force: true });
  };
}

/** The large album downloaded in the app against plain fetch()es of the same files. */
async function largeAlbumRun(e2e: E2E): Promise<{ appMs: number; plainMs: number; bytes: number }> {
  const o = await openPage(e2e, DESKTOP);
  const { page, context } = o;
  await context.addInitScript({ content: NAME_SHIM });
  await signInThroughPlex(page);
  await page.getByRole('link', { name: 'Library' }).first().click();
  await page
    .getByRole('link', { name: new RegExp(LARGE_ALBUM) })
    .first()
    .click();
  const button = page.getByRole('button', { name: `Download ${LARGE_ALBUM} for offline play` });
  await button.waitFor();
  await noHttpCache(page);
  const firstPart = e2e.fake.requests.length;
  const started = Date.now();
  await button.click();
  await page.getByText(/^Downloaded \(\d+\)$/).waitFor({ timeout: 120_000 });
  const appMs = Date.now() - started;
  const plain = await plainFetch(page, partUrlsSince(e2e, firstPart));
  await context.close();
  return { appMs, plainMs: plain.ms, bytes: plain.bytes };
}

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

function throughputFigures(
  runs: Array<{ appMs: number; plainMs: number; bytes: number }>,
  what: string,
): Figure[] {
  const app = runs.map((r) => mbps(r.bytes, r.appMs));
  const plain = runs.map((r) => mbps(r.bytes, r.plainMs));
  return [
    figure(`${what}: app throughput`, 'MB/s', app, 'report', () => true),
    figure(`${what}: plain fetch() of the same files (floor)`, 'MB/s', plain, 'report', () => true),
    figure(`${what}: app ÷ plain fetch`, '×', [median(app) / median(plain)], 'report', () => true),
  ];
}

export async function benchDownloads(runs = 3): Promise<Figure[]> {
  const e2e = await startE2E();
  try {
    const results: DownloadRun[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await downloadRun(e2e));
    const restore = withLargeFiles(e2e);
    const large: Array<{ appMs: number; plainMs: number; bytes: number }> = [];
    try {
      for (let i = 0; i < runs; i += 1) large.push(await largeAlbumRun(e2e));
    } finally {
      restore();
    }
    return [
      ...throughputFigures(results, 'download a playlist of ~100 KB demo files'),
      ...throughputFigures(large, `download an album of ${LARGE_FILE_MB} MB files`),
      figure(
        'offline cold start → downloaded track playing (tap included)',
        'ms',
        results.map((r) => r.offlinePlayMs),
        '≤ 1000 ms',
        (m) => m <= 1000,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}
