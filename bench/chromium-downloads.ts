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
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

  const firstPart = e2e.fake.requests.length;
  const started = Date.now();
  await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
  await page.getByText(/^Downloaded \(\d+\)$/).waitFor({ timeout: 60_000 });
  const appMs = Date.now() - started;
  const urls = e2e.fake.requests
    .slice(firstPart)
    .filter((r) => r.path.startsWith('/library/parts/'))
    .map((r) => `${r.origin}${r.path}?${new URLSearchParams(r.query).toString()}`);

  const plain = await page.evaluate(async (list) => {
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

export async function benchDownloads(runs = 3): Promise<Figure[]> {
  const e2e = await startE2E();
  try {
    const results: DownloadRun[] = [];
    for (let i = 0; i < runs; i += 1) results.push(await downloadRun(e2e));
    const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
    const app = results.map((r) => mbps(r.bytes, r.appMs));
    const plain = results.map((r) => mbps(r.bytes, r.plainMs));
    return [
      figure('download a playlist: app throughput', 'MB/s', app, 'report', () => true),
      figure('plain fetch() of the same files (floor)', 'MB/s', plain, 'report', () => true),
      figure(
        'download throughput ÷ plain fetch',
        '×',
        [median(app) / median(plain)],
        'report',
        () => true,
      ),
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
