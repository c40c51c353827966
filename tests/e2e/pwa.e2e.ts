import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DESKTOP, PHONE } from './browser';
import { e2eSuite, signInThroughPlex } from './harness';
import { downloadFromRowActions, openRoadTrip } from './flows';
import { waitForSavedQueries } from './idb-dump';
import { E2E_APP_URL } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();
const seekValue = () =>
  Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value ?? 0);

describe('an installable app that works offline', () => {
  it('is installable: a service worker controls it and Chromium reports no installability errors', async () => {
    // Installability needs a real profile (an incognito-like context is never installable).
    const profile = await mkdtemp(join(tmpdir(), 'plexm8-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      // Offer the install prompt without weeks of "engagement", so its banner can be seen.
      args: [...CHROMIUM_ARGS, '--bypass-app-banner-engagement-checks'],
      headless: true,
      ...PHONE,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signInThroughPlex(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.getByText('Road Trip').waitFor();
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
        `${E2E_APP_URL}sw.js`,
      );
      const cdp = await context.newCDPSession(page);
      const manifest = (await cdp.send('Page.getAppManifest')) as {
        errors: unknown[];
        url: string;
      };
      expect(manifest.errors).toEqual([]);
      expect(manifest.url).toBe(`${E2E_APP_URL}manifest.webmanifest`);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
        installabilityErrors: unknown[];
      };
      expect(installabilityErrors).toEqual([]);
      // The offer floats over the screen: its arrival moves nothing the user is reading.
      await page.evaluate(() => {
        const w = window as Window & { shifted?: number };
        w.shifted = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries())
            w.shifted = (w.shifted ?? 0) + (entry as PerformanceEntry & { value: number }).value;
        }).observe({ type: 'layout-shift' });
      });
      const heading = page.getByRole('heading', { name: 'Playlists', level: 1 });
      const before = await heading.boundingBox();
      await page.getByRole('button', { name: 'Install app' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'install-prompt-phone', false);
      expect(await heading.boundingBox()).toEqual(before);
      expect(await page.evaluate(() => (window as Window & { shifted?: number }).shifted)).toBe(0);
      // "Not now" is remembered: the next start offers nothing.
      await page.getByRole('button', { name: 'Not now' }).click();
      await page.getByRole('button', { name: 'Install app' }).waitFor({ state: 'detached' });
      await context.addInitScript(() =>
        window.addEventListener('beforeinstallprompt', () =>
          document.documentElement.setAttribute('data-offered', ''),
        ),
      );
      await page.reload();
      await page.getByText('Road Trip').waitFor();
      await page.locator('html[data-offered]').waitFor({ state: 'attached', timeout: 10_000 });
      await page.getByRole('link', { name: 'Library' }).last().click();
      await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
      expect(await page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('starts with no network, deep link included, and says it is offline', async () => {
    const open = await suite.open(PHONE);
    const { page, context } = open;
    await openRoadTrip(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await waitForSavedQueries(page, ['playlist', '9001'], ['playlist', '9001', 'items']);
    await context.setOffline(true);
    await page.goto(`${E2E_APP_URL}playlists/9001`);
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor();
    await page.getByText(/You're offline/).waitFor();
    await page.getByRole('link', { name: 'Playlists' }).last().click();
    await page.getByRole('heading', { name: 'Playlists' }).waitFor();
    await screenshot(page, 'offline-home-phone', false);
    await context.setOffline(false);
    await page.getByText(/You're offline/).waitFor({ state: 'detached' });
  });

  it('offers a new version while music plays, and never reloads by itself', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await signInThroughPlex(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.waitForFunction(seekValue, undefined, { timeout: 8000 });
    await page.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

    suite.e2e.bumpServiceWorker();
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByText('A new version of PlexM8 is ready.').waitFor({ timeout: 10_000 });
    const at = await page.evaluate(seekValue);
    await page.waitForFunction(
      (t) => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value) > t,
      at,
      { timeout: 5000 },
    );
    expect(
      await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage),
    ).toBe(true);
    await page
      .getByRole('button', { name: 'Close' })
      .first()
      .click()
      .catch(() => undefined);
    await screenshot(page, 'update-available-desktop', false);
  });

  it('an update taken in one tab leaves another tab playing, which offers it once stopped', async () => {
    const { page: taker, context } = await suite.open(DESKTOP);
    await signInThroughPlex(taker);
    await taker.evaluate(() => navigator.serviceWorker.ready);
    await taker.reload();
    await taker.getByText('Road Trip').waitFor();

    // The other tab keeps a download (so "Sign out" asks first), then plays.
    const player = await context.newPage();
    await player.goto(`${E2E_APP_URL}playlists/9001`);
    await downloadFromRowActions(player, 'Departure Board');
    await player.getByRole('button', { name: /Play Departure Board/ }).click();
    await player.getByRole('button', { name: /Open the player/ }).click();
    await player.waitForFunction(seekValue, undefined, { timeout: 8000 });
    await player.getByRole('button', { name: 'Close' }).first().click();
    await player.evaluate(() => ((window as unknown as { __samePage: boolean }).__samePage = true));

    suite.e2e.bumpServiceWorker();
    await taker.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const offer = 'A new version of PlexM8 is ready.';
    await taker.getByText(offer).waitFor({ timeout: 10_000 });
    await player.getByText(offer).waitFor({ timeout: 10_000 });
    // Not while the music plays, says the listener.
    await player.getByRole('button', { name: 'Later' }).click();

    await Promise.all([
      taker.waitForEvent('framenavigated'),
      taker.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await taker.getByText('Road Trip').waitFor();
    expect(
      await taker.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return {
          waiting: Boolean(registration?.waiting),
          controlled: Boolean(navigator.serviceWorker.controller),
        };
      }),
    ).toEqual({ waiting: false, controlled: true });

    // The playing tab: the same page, still playing, its clock moving, and no offer meanwhile.
    await player.waitForTimeout(1500);
    expect(
      await player.evaluate(() => ({
        samePage: (window as unknown as { __samePage?: boolean }).__samePage,
        playback: navigator.mediaSession.playbackState,
        newController: navigator.serviceWorker.controller !== null,
      })),
    ).toEqual({ samePage: true, playback: 'playing', newController: true });
    expect(await player.getByText(offer).count()).toBe(0);
    await player.getByRole('button', { name: /Open the player/ }).click();
    const at = await player.evaluate(seekValue);
    await player.waitForFunction(
      (t) => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value) > t,
      at,
      { timeout: 5000 },
    );
    await player.getByRole('button', { name: 'Close' }).first().click();

    // The new version's worker dropped the old version's files it doesn't have, and the host now
    // serves the new release only: code the old tab hasn't used yet must still be there for it.
    await context.route(/\/assets\/sign-out-dialog-[^/]+\.(js|css)$/, (route) =>
      route.fulfill({ status: 404, body: 'not in this release' }),
    );
    await player.evaluate(async () => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys())
          if (request.url.includes('/assets/sign-out-dialog-')) await cache.delete(request);
      }
    });
    await player.getByRole('button', { name: 'Sign out' }).click();
    await player.getByRole('heading', { name: 'Sign out of PlexM8?' }).waitFor();
    await player.getByRole('button', { name: 'Cancel' }).click();

    // Stopped, it offers the new version, and takes it only when asked.
    await player.getByRole('button', { name: 'Pause' }).first().click();
    await player.getByText(offer).waitFor({ timeout: 5000 });
    await screenshot(player, 'update-after-other-tab-desktop', false);
    await player.setViewportSize(PHONE.viewport);
    await screenshot(player, 'update-after-other-tab-phone', false);
    await Promise.all([
      player.waitForEvent('framenavigated'),
      player.getByRole('button', { name: 'Update now' }).click(),
    ]);
    await player.getByRole('heading', { name: 'Road Trip' }).waitFor();
    expect(
      await player.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage),
    ).toBeUndefined();
  });
});
