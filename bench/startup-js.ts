import type { CDPSession, Page } from 'playwright-core';
import setupE2EBuild from '../tests/e2e/global-setup';
import { DESKTOP } from '../tests/e2e/browser';
import { openPage, signInThroughPlex, startE2E, type E2E } from '../tests/e2e/harness';
import { E2E_APP_URL } from '../tests/e2e/ports';
import { figure, type Figure } from './stats';
import { NAME_SHIM } from './page-probes';

/** The page is idle once no request has started or finished for this long. */
const QUIET_MS = 1_500;

/**
 * JavaScript bytes on the wire (gzip, as GitHub Pages sends them) for everything the page fetches
 * from navigation until it is idle: the entry, its modulepreloads, and every chunk a screen or a
 * prefetch asks for on the way. The figure a first visit pays, not just what index.html names.
 */
async function scriptBytesUntilIdle(page: Page, cdp: CDPSession, go: () => Promise<unknown>) {
  const scripts = new Map<string, string>();
  const bytes = new Map<string, number>();
  let lastActivity = Date.now();
  cdp.on('Network.responseReceived', (e) => {
    lastActivity = Date.now();
    if (e.type === 'Script' || e.response.url.endsWith('.js'))
      scripts.set(e.requestId, e.response.url);
  });
  cdp.on('Network.loadingFinished', (e) => {
    lastActivity = Date.now();
    if (scripts.has(e.requestId)) bytes.set(e.requestId, e.encodedDataLength);
  });
  cdp.on('Network.requestWillBeSent', () => (lastActivity = Date.now()));
  await go();
  await page.waitForLoadState('load');
  while (Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(100);
  const files: Record<string, number> = {};
  for (const [id, url] of scripts) files[new URL(url).pathname] = bytes.get(id) ?? 0;
  const total = Object.values(files).reduce((a, b) => a + b, 0);
  return { kb: total / 1024, files };
}

/** A first visit: a fresh profile opens PlexM8 and gets the sign-in screen. */
async function signInScreen(e2e: E2E) {
  const open = await openPage(e2e, DESKTOP);
  await open.context.addInitScript({ content: NAME_SHIM });
  const cdp = await open.context.newCDPSession(open.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const result = await scriptBytesUntilIdle(open.page, cdp, () => open.page.goto(E2E_APP_URL));
  await open.context.close();
  return result;
}

/**
 * A signed-in start with nothing cached: the service worker gone and the HTTP cache off, so every
 * chunk the first screen (the playlists) and its prefetches need comes over the network.
 */
async function signedInStart(e2e: E2E) {
  const open = await openPage(e2e, DESKTOP);
  await open.context.addInitScript({ content: NAME_SHIM });
  await signInThroughPlex(open.page);
  await open.page.evaluate(async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    for (const name of await caches.keys()) await caches.delete(name);
  });
  const cdp = await open.context.newCDPSession(open.page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const result = await scriptBytesUntilIdle(open.page, cdp, () =>
    open.page.goto(`${E2E_APP_URL}playlists`),
  );
  await open.context.close();
  return result;
}

/** The entry: the one script index.html names (Vite calls it index-<hash>.js). */
function entryKb(files: Record<string, number>): number {
  const entry = Object.entries(files).find(([path]) => /\/index-[^/]+\.js$/.test(path));
  if (!entry) throw new Error('the page fetched no entry chunk');
  return entry[1] / 1024;
}

export async function benchStartupJs(runs = 3): Promise<{
  figures: Figure[];
  files: Record<string, Record<string, number>>;
}> {
  setupE2EBuild();
  const e2e = await startE2E();
  try {
    const signIn: number[] = [];
    const signedIn: number[] = [];
    const entry: number[] = [];
    let files: Record<string, Record<string, number>> = {};
    for (let i = 0; i < runs; i += 1) {
      const a = await signInScreen(e2e);
      const b = await signedInStart(e2e);
      signIn.push(a.kb);
      entry.push(entryKb(a.files));
      signedIn.push(b.kb);
      files = { 'sign-in screen': a.files, 'signed-in start': b.files };
    }
    return {
      figures: [
        figure('start-up JS: entry chunk (gzip)', 'KB', entry, '≤ 100 KB', (m) => m <= 100),
        figure(
          'start-up JS: sign-in screen, until idle (gzip)',
          'KB',
          signIn,
          '≤ 110 KB',
          (m) => m <= 110,
        ),
        figure(
          'start-up JS: signed-in first screen, until idle (gzip)',
          'KB',
          signedIn,
          '≤ 110 KB',
          (m) => m <= 110,
        ),
      ],
      files,
    };
  } finally {
    await e2e.stop();
  }
}

// `npx tsx bench/startup-js.ts`: this figure alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { figures, files } = await benchStartupJs();
  console.log(JSON.stringify({ figures, files }, null, 2));
}
