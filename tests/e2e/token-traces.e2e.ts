import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  DESKTOP,
  guardContext,
  guardedContext,
  launchChromium,
} from './browser';
import { signInThroughPlex, startServers, type Servers } from './harness';
import { E2E_APP_URL } from './ports';
import { isArtworkUrl, isAudioUrl, searchProfile, summarise } from './profile-search';

/**
 * Issue 14: a Plex token in an <img> URL lands in Chromium's disk cache, its console's network
 * errors and the performance timeline. Artwork is fetched without the HTTP cache and shown from
 * blob: URLs (docs/decisions/015); this walks a real profile on disk to prove it.
 */
let servers: Servers;
let profile: string;

beforeAll(async () => {
  servers = await startServers();
  profile = await mkdtemp(join(tmpdir(), 'plexm8-profile-'));
});
afterAll(async () => {
  await servers.stop();
  await rm(profile, { recursive: true, force: true });
});

const secrets = () => [
  servers.fake.model.user.token,
  ...servers.fake.model.servers.map((s) => s.accessToken),
];
const withSecret = (lines: string[]) => lines.filter((l) => secrets().some((s) => l.includes(s)));

/** What the page itself still knows: resource timing names, element sources, lock-screen art. */
async function pageTraces(page: Page) {
  return page.evaluate(() => ({
    timeline: performance.getEntriesByType('resource').map((e) => e.name),
    sources: [...document.querySelectorAll('[src], [srcset]')].map(
      (el) => `${el.getAttribute('src') ?? ''} ${el.getAttribute('srcset') ?? ''}`,
    ),
    lockScreen: (navigator.mediaSession.metadata?.artwork ?? []).map((a) => a.src),
  }));
}

/** Artwork really shows (so nothing can pass by showing placeholders): decoded, from blob:. */
async function shownArtwork(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.cover')]
      .filter((img) => img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width)
      .map((img) => img.src),
  );
}

/** Waits until at least one cover is decoded on screen (a screen shows its covers lazily). */
async function artworkShows(page: Page): Promise<number> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLImageElement>('img.cover')].some(
      (img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0,
    ),
  );
  return shownArtwork(page).then((s) => s.length);
}

describe('tokens in a Chromium profile', () => {
  it('leaves no token from artwork in the HTTP cache, the timeline or the page', async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      ...DESKTOP,
    });
    const guards = await guardContext(context);
    const page = context.pages()[0] ?? (await context.newPage());

    await signInThroughPlex(page);
    await page.locator('img.cover').first().waitFor();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor();
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    await page.mouse.wheel(0, -4000);
    const onPlaylist = await artworkShows(page);

    await page.goto(`${E2E_APP_URL}library`);
    await page
      .getByRole('link', { name: /Desert Roads/ })
      .first()
      .click();
    await page.getByRole('list', { name: /Tracks on Desert Roads/ }).waitFor();
    const onAlbum = await artworkShows(page);

    await page
      .getByRole('button', { name: /^Play / })
      .first()
      .click();
    await page.locator('.mini-player').waitFor();
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.locator('.now-playing img.cover').waitFor();
    // The lock screen's artwork is set once the track plays.
    await page.waitForFunction(() => (navigator.mediaSession.metadata?.artwork.length ?? 0) > 0);
    await artworkShows(page);
    const onPlayer = await shownArtwork(page);
    const traces = await pageTraces(page);
    await context.close();

    const found = await searchProfile(profile, secrets());
    const cache = await readdir(join(profile, 'Default', 'Cache', 'Cache_Data'));
    const byKind = summarise(found);
    console.log('token traces in the profile, by kind (files):', JSON.stringify(byKind, null, 1));
    console.log(
      'timeline entries with a token:',
      withSecret(traces.timeline).map((n) => (isAudioUrl(n) ? 'audio' : new URL(n).pathname)),
    );
    console.log('console lines with a token:', withSecret(guards.consoleLines).length);

    // The search can see what Chromium cached: it holds entries at all.
    expect(cache.length).toBeGreaterThan(0);
    expect(found.filter((t) => isArtworkUrl(t.around)).map((t) => t.file)).toEqual([]);
    expect(withSecret(traces.timeline).filter(isArtworkUrl)).toEqual([]);
    expect(withSecret(traces.sources)).toEqual([]);
    expect(withSecret(traces.lockScreen)).toEqual([]);
    expect(traces.lockScreen.every((src) => src.startsWith('blob:'))).toBe(true);
    expect(withSecret(guards.consoleLines).filter(isArtworkUrl)).toEqual([]);

    expect(onPlaylist).toBeGreaterThan(0);
    expect(onAlbum).toBeGreaterThan(0);
    expect(onPlayer.length).toBeGreaterThan(0);
    expect(onPlayer.every((src) => src.startsWith('blob:'))).toBe(true);
    expect(guards.problems).toEqual([]);
    expect(guards.offLoopback).toEqual([]);
  });

  it('shows placeholders when a server refuses artwork to scripts, never a token URL', async () => {
    servers.fake.faults.add({ id: 'art', kind: 'no-cors', path: '/photo/:/transcode' });
    const from = servers.fake.requests.length;
    const browser = await launchChromium();
    try {
      const { context, problems, offLoopback, consoleLines } = await guardedContext(
        browser,
        DESKTOP,
      );
      const page = await context.newPage();
      page.on('console', (m) => consoleLines.push(m.location().url));
      await signInThroughPlex(page);
      await page.getByRole('link', { name: /Road Trip/ }).click();
      const rows = page.getByRole('list', { name: 'Tracks in Road Trip' });
      await rows.getByText('Departure Board').waitFor();
      await page.locator('.track-row .cover-placeholder').first().waitFor();
      await page.waitForTimeout(500);
      const traces = await pageTraces(page);
      // Each refused fetch is a DevTools line with its URL: after the first few (the fetches
      // already under way), the server's covers wait a minute instead of failing one by one.
      const asked = servers.fake.requests
        .slice(from)
        .filter((r) => r.path === '/photo/:/transcode');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.length).toBeLessThanOrEqual(4);
      // Chromium's CORS error for a refused fetch quotes the URL: in DevTools (also for a
      // worker's fetch, checked over CDP), not in what the page's console reports here.
      expect(withSecret(consoleLines)).toEqual([]);
      expect(await page.locator('img.cover').count()).toBe(0);
      expect(withSecret(traces.sources)).toEqual([]);
      expect(withSecret(traces.timeline).filter(isArtworkUrl)).toEqual([]);
      expect(problems).toEqual([]);
      expect(offLoopback).toEqual([]);
    } finally {
      servers.fake.faults.remove('art');
      await browser.close();
    }
  });
});
