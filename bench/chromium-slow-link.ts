import type { Page } from 'playwright-core';
import setupE2EBuild from '../tests/e2e/global-setup';
import { DESKTOP } from '../tests/e2e/browser';
import { fakeOrigin, openPage, startE2E, type E2E } from '../tests/e2e/harness';
import { E2E_APP_URL, E2E_FAKE_PORTS } from '../tests/e2e/ports';
import { watchAudio } from './chromium-player';
import { figure, type Figure } from './stats';
import { NAME_SHIM } from './page-probes';

/**
 * Plex Relay, as a user away from home meets it: the server's local and direct addresses don't
 * answer, and its relay address is a 2 Mbps link with 150 ms before each answer. Paced in the
 * fake Plex (its `latency` and `bandwidth` faults), not by Chromium's network emulation: that
 * would slow the app's own files too, which come from GitHub Pages or the service worker, not
 * through the relay; and one shared 2 Mbps link for every request at once is what the relay is.
 */
function pacedRelay(e2e: E2E): void {
  const { living } = E2E_FAKE_PORTS;
  for (const port of [living.local, living.remote])
    e2e.fake.faults.add({ id: 'slow-link', kind: 'drop', origin: fakeOrigin(port) });
  const relay = fakeOrigin(living.relay);
  e2e.fake.faults.add({ id: 'slow-link', kind: 'latency', ms: 150, origin: relay });
  e2e.fake.faults.add({ id: 'slow-link', kind: 'bandwidth', kbps: 2_000, origin: relay });
}

/** Installed before the page's scripts: the wall-clock time the first playlist card showed. */
const watchFirstCard = () => {
  const w = window as unknown as { __firstCardAt?: number };
  new MutationObserver((_m, observer) => {
    if (document.querySelector('.card-grid .card-title')) {
      requestAnimationFrame(() =>
        setTimeout(() => (w.__firstCardAt = performance.timeOrigin + performance.now()), 0),
      );
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** From a click to the frame after the row at `posinset` 1 exists (as the library bench). */
async function clickToFirstRow(page: Page, click: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt?: number; __firstRowAt?: number };
    w.__clickAt = undefined;
    w.__firstRowAt = undefined;
    document.addEventListener('click', (e) => (w.__clickAt ??= e.timeStamp), {
      capture: true,
      once: true,
    });
    const watch = () => {
      // The playlist's first track, not the first playlist card (cards carry posinset too).
      if (document.querySelector('ul[aria-label^="Tracks in"] [aria-posinset="1"]'))
        setTimeout(() => (w.__firstRowAt = performance.now()), 0);
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  await click();
  await page.waitForFunction(
    () => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined,
    undefined,
    { timeout: 20_000 },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __clickAt: number; __firstRowAt: number };
    return w.__firstRowAt - w.__clickAt;
  });
}

function alacTitle(e2e: E2E): string {
  const roadTrip = e2e.fake.model.servers[0]?.library.playlists[0];
  for (let i = 0; roadTrip && i < roadTrip.size; i += 1) {
    const track = roadTrip.itemAt(i);
    if (track.file.codec === 'alac') return track.title;
  }
  throw new Error('Road Trip holds no ALAC track');
}

interface SlowRun {
  signInMs: number;
  hugeFirstRowsMs: number;
  transcodedSoundMs: number;
}

async function onTheRelay(e2e: E2E): Promise<SlowRun> {
  const { context, page } = await openPage(e2e, DESKTOP);
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(watchAudio);
  await context.addInitScript(watchFirstCard);
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  const approve = page.getByRole('button', { name: 'Approve' });
  await approve.waitFor();
  const signedInAt = Date.now();
  await approve.click();
  await page.waitForFunction(
    () => (window as unknown as { __firstCardAt?: number }).__firstCardAt !== undefined,
    undefined,
    { timeout: 30_000 },
  );
  const firstCardAt = await page.evaluate(
    () => (window as unknown as { __firstCardAt: number }).__firstCardAt,
  );

  const hugeFirstRowsMs = await clickToFirstRow(page, () =>
    page.getByRole('link', { name: /Everything × 20,000/ }).click(),
  );

  // A track the relay must transcode: one of Road Trip's ALAC files, which Chromium can't play
  // (its MP3s are small enough to stream as they are, even through the relay).
  await page.goBack();
  await page.getByRole('link', { name: /Road Trip/ }).click();
  const track = page.getByRole('button', { name: `Play ${alacTitle(e2e)}` }).first();
  await track.waitFor({ timeout: 20_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __srcs: string[] };
    w.__starts = [];
    w.__srcs = [];
  });
  await track.click();
  await page.waitForFunction(
    () => (window as unknown as { __starts: number[] }).__starts.length > 0,
    undefined,
    { timeout: 20_000 },
  );
  const { sound, src } = await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __srcs: string[]; __clickAt: number };
    return { sound: (w.__starts[0] ?? 0) - w.__clickAt, src: w.__srcs[0] ?? '' };
  });
  if (!src.includes('/transcode/universal/start'))
    throw new Error(`on the relay the track should be transcoded, but played ${src.split('?')[0]}`);
  if (!src.startsWith(fakeOrigin(E2E_FAKE_PORTS.living.relay)))
    throw new Error('the player did not stream through the relay');
  await context.close();
  return { signInMs: firstCardAt - signedInAt, hugeFirstRowsMs, transcodedSoundMs: sound };
}

/** The Living Room's server reached only through a 2 Mbps, 150 ms relay. */
export async function benchSlowLink(runs = 5): Promise<Figure[]> {
  setupE2EBuild();
  const e2e = await startE2E();
  try {
    pacedRelay(e2e);
    const all: SlowRun[] = [];
    for (let i = 0; i < runs; i += 1) all.push(await onTheRelay(e2e));
    return [
      figure(
        'relay (2 Mbps, 150 ms): sign-in → first playlist painted',
        'ms',
        all.map((r) => r.signInMs),
        '≤ 1000 ms',
        (m) => m <= 1000,
      ),
      figure(
        'relay (2 Mbps, 150 ms): 20k playlist tap → first rows painted',
        'ms',
        all.map((r) => r.hugeFirstRowsMs),
        '≤ 1000 ms',
        (m) => m <= 1000,
      ),
      figure(
        'relay (2 Mbps, 150 ms): tap → transcoded track sounding',
        'ms',
        all.map((r) => r.transcodedSoundMs),
        '≤ 1500 ms',
        (m) => m <= 1500,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}

// `npx tsx bench/chromium-slow-link.ts`: these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSlowLink(Number(process.env.BENCH_RUNS ?? 3)), null, 2));
}
