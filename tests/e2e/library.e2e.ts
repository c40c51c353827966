import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { e2eSuite, signInThroughPlex, type OpenPage } from './harness';
import { dumpIndexedDb, waitForSavedList, waitForSavedQueries } from './idb-dump';
import { E2E_APP_URL, e2eDatabase } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/** Opens the row actions named `label` and names those a tap at their centre would not reach. */
async function actionsOutOfReach(page: Page, label: string): Promise<string[]> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const actions = page.getByRole('group', { name: label, exact: true }).getByRole('button');
  await actions.first().waitFor();
  const out = await actions.evaluateAll((buttons) =>
    buttons
      .filter((b) => {
        const r = b.getBoundingClientRect();
        const there = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return r.bottom > window.innerHeight || there === null || !b.contains(there);
      })
      .map((b) => b.textContent ?? ''),
  );
  await page.keyboard.press('Escape');
  return out;
}

async function signIn(o: OpenPage) {
  const dialogs: string[] = [];
  o.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInThroughPlex(o.page);
  return dialogs;
}

describe('browsing the library in Chromium', () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`playlists → a playlist → album → artist, and search (${size})`, async () => {
      const open = await suite.open(viewport);
      const { page } = open;
      const dialogs = await signIn(open);
      await screenshot(page, `playlists-${size}`);

      await page.getByRole('link', { name: /Road Trip/ }).click();
      const tracks = page.getByRole('list', { name: 'Tracks in Road Trip' });
      await tracks.getByText('Departure Board').waitFor();
      await screenshot(page, `playlist-${size}`);

      // A row's actions, opened at the bottom of the screen, are all within reach: none under
      // the tab bar or past the window's edge (they open upwards there).
      const lowest = await page.evaluate(() => {
        const buttons = [...document.querySelectorAll<HTMLElement>('.more-btn')];
        const inView = buttons.filter((b) => {
          const r = b.getBoundingClientRect();
          const there = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return r.bottom <= window.innerHeight && there !== null && b.contains(there);
        });
        return inView.at(-1)?.getAttribute('aria-label') ?? null;
      });
      expect(lowest).not.toBeNull();
      expect(await actionsOutOfReach(page, lowest ?? '')).toEqual([]);

      await page.goto(`${E2E_APP_URL}library`);
      // Recently added shows albums, newest first, though the server's /recentlyAdded answers
      // tracks (as real servers do): asked for as albums sorted by when they were added.
      const shelf = page.getByRole('region', { name: 'Recently added' });
      await shelf.getByText('Desert Roads').waitFor();
      expect(await shelf.locator('.card-title').first().textContent()).toBe(
        '<img src=x onerror=alert(1)>',
      );
      expect(await shelf.getByText('Departure Board').count()).toBe(0);
      await page.getByRole('link', { name: '坂本 ユキ', exact: true }).click();
      await page.getByRole('heading', { name: '坂本 ユキ', level: 1 }).waitFor();
      await page.getByRole('link', { name: /雪の記憶/ }).click();
      await page.getByRole('list', { name: 'Tracks on 雪の記憶' }).getByText('初雪').waitFor();
      await screenshot(page, `album-${size}`);
      await page.getByRole('link', { name: '← 坂本 ユキ' }).click();
      await page.getByRole('heading', { name: '坂本 ユキ', level: 1 }).waitFor();

      await page.getByRole('link', { name: 'Search' }).click();
      await page.getByRole('searchbox', { name: 'Search your music' }).fill('light');
      await page.getByRole('heading', { name: 'Tracks' }).waitFor();
      await page.getByText('Streetlights').waitFor();
      await screenshot(page, `search-${size}`);
      // A result's actions show too (a result row's paint is contained until scrolled near).
      expect(await actionsOutOfReach(page, 'More for Streetlights')).toEqual([]);
      // The address follows once typing rests.
      await page.waitForURL((url) => url.searchParams.get('q') === 'light');

      // Hostile titles are text: the playlist named like an <img onerror> tag runs nothing.
      await page.goto(`${E2E_APP_URL}playlists/9006`);
      await page.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }).waitFor();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }

  it('shows a bar while a tapped screen’s code is on its way, then the screen', async () => {
    const open = await suite.open(PHONE);
    const { context, page } = open;
    // The album screen's code is held until the bar has been seen (a slow link, a cold start).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/assets\/album-route-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await signIn(open);
    await page.goto(`${E2E_APP_URL}library`);
    await page.getByRole('link', { name: '坂本 ユキ', exact: true }).click();
    await page.getByRole('heading', { name: '坂本 ユキ', level: 1 }).waitFor();
    await page.getByRole('link', { name: /雪の記憶/ }).click();
    const bar = page.getByRole('progressbar', { name: 'Opening the screen' });
    try {
      await bar.waitFor();
      // The artist stays on the screen meanwhile: the tap was taken, the album is coming.
      const artist = page.getByRole('heading', { name: '坂本 ユキ', level: 1 });
      expect(await artist.isVisible()).toBe(true);
      await screenshot(page, 'screen-on-its-way-phone');
    } finally {
      release();
    }
    await page.getByRole('list', { name: 'Tracks on 雪の記憶' }).getByText('初雪').waitFor();
    expect(await bar.count()).toBe(0);
  });

  it('scrolls a 20,000-track playlist to the end with few rows mounted', async () => {
    const open = await suite.open(PHONE);
    const { page } = open;
    await signIn(open);
    await page.getByRole('link', { name: /Everything × 20,000/ }).click();
    const list = page.getByRole('list', { name: 'Tracks in Everything × 20,000' });
    await list.getByText('Departure Board').first().waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.progress-note[role="status"]'),
      undefined,
      { timeout: 20_000 },
    );
    expect(await list.getAttribute('data-count')).toBe('20000');
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator('[aria-posinset="20000"]').waitFor();
    expect(await page.locator('.virtual-row').count()).toBeLessThanOrEqual(60);
    await screenshot(page, 'playlist-20k-end-phone', false);

    // Saved whole (a list this long is written by a worker, a page per task: decision 025), so
    // it opens offline after a reload with every track.
    await waitForSavedList(page, e2eDatabase('query-cache'), 20_000);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await open.context.setOffline(true);
    await page.reload();
    await list.getByText('Departure Board').first().waitFor();
    await page
      .getByText(/Showing what PlexM8 saved/)
      .first()
      .waitFor();
    expect(await list.getAttribute('data-count')).toBe('20000');
    await open.context.setOffline(false);
  });

  it('reloads with the network off and shows the same playlist at once, marked offline', async () => {
    const open = await suite.open(DESKTOP);
    const { page, context } = open;
    await signIn(open);
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The persister writes the lists it just fetched after they show: wait for those writes.
    await waitForSavedQueries(page, ['playlist', '9001'], ['playlist', '9001', 'items']);

    await context.setOffline(true);
    const started = Date.now();
    await page.reload();
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor({ timeout: 5000 });
    const ms = Date.now() - started;
    await page
      .getByText(/Showing what PlexM8 saved/)
      .first()
      .waitFor();
    await page.getByText(/You're offline/).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'playlist-offline-desktop');
    expect(ms).toBeLessThan(5000);

    // The saved query cache holds the library, and no token (keys or values).
    const stored = await dumpIndexedDb(page, e2eDatabase('query-cache'));
    expect(stored.includes('Departure Board')).toBe(true);
    expect(stored.includes(suite.fake.model.user.token)).toBe(false);
    for (const server of suite.fake.model.servers)
      expect(stored.includes(server.accessToken)).toBe(false);
    await context.setOffline(false);
  });
});
