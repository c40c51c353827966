import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { COLLECTOR_ID } from '../fake-plex/scenarios';
import { collectorServer, switchToCollector } from './collector-flows';
import { e2eSuite, signInThroughPlex, waitForRequest } from './harness';
import { waitInPage } from './poll-page';
import { E2E_APP_URL, e2eDatabase } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();
const byTitle = { by: 'title', desc: false } as const;
const OFFLINE_NOTE = 'Offline — searching what PlexM8 has saved.';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search your music' });
}

/** Types as a person does, a key at a time, replacing what was there. */
async function typeQuery(page: Page, text: string) {
  await searchBox(page).fill('');
  await searchBox(page).pressSequentially(text, { delay: 40 });
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/**
 * Waits until the persister has saved a query whose key holds `part`. A navigation before that
 * loses the write (CI once lost the artists' page this way, and offline search then had no 東京).
 */
async function saved(page: Page, part: string) {
  await waitInPage(
    page,
    async ([db, wanted]: readonly [string, string]) => {
      const keys = await new Promise<string[]>((resolve) => {
        const open = indexedDB.open(db);
        // Not there yet: don't create it (the app's own open would then find no store).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          try {
            const request = open.result.transaction('queries').objectStore('queries').getAllKeys();
            request.onsuccess = () => resolve(request.result.map(String));
            request.onerror = () => resolve([]);
          } catch {
            resolve([]);
          } finally {
            open.result.close();
          }
        };
      });
      return keys.some((key) => key.includes(wanted));
    },
    [e2eDatabase('query-cache'), part] as const,
    { interval: 200, timeout: 15_000, what: `a saved query with ${part}` },
  );
}

describe("search on the Collector's library (150,000 tracks)", () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`finds names online, accents folded, Japanese too, and says when nothing is found (${size})`, async () => {
      const open = await suite.open(viewport);
      const { page } = open;
      await signInThroughPlex(page);
      await switchToCollector(page);
      await page.goto(`${E2E_APP_URL}search`);

      // "zoe" finds "Zoë & the …" (the server folds accents), first among the artists.
      await typeQuery(page, 'zoe anch');
      const artists = section(page, 'Artists');
      await artists
        .getByRole('link', { name: /^Zoë & the Anchors/ })
        .first()
        .waitFor();
      await waitForRequest(
        suite.fake,
        (r) => r.path === '/hubs/search' && r.query.query === 'zoe anch',
      );
      await screenshot(page, `collector-search-${size}`);

      await typeQuery(page, '東京');
      await section(page, 'Albums').getByText(/東京/).first().waitFor();

      await typeQuery(page, 'qqxz');
      await page.getByText('Nothing found.').waitFor();
      expect(await page.getByRole('heading', { name: 'Tracks', level: 2 }).count()).toBe(0);
    });
  }

  it('shows the last query’s results even when an earlier one answers later', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await signInThroughPlex(page);
    await switchToCollector(page);
    await page.goto(`${E2E_APP_URL}search`);
    // The first search is slow to answer (a server busy with a short query on a big library).
    suite.fake.faults.add({
      kind: 'latency',
      ms: 2_000,
      path: '/hubs/search',
      search: 'query=mika&',
    });

    await typeQuery(page, 'mika');
    const slow = await waitForRequest(
      suite.fake,
      (r) => r.path === '/hubs/search' && r.query.query === 'mika',
    );
    expect(slow).toBeTruthy();
    await typeQuery(page, 'noor');
    const artists = section(page, 'Artists');
    await artists
      .getByRole('link', { name: /^Noor & the / })
      .first()
      .waitFor();
    // Past the moment the slow answer for "mika" came back: still "noor", and only "noor".
    await page.waitForTimeout(2_500);
    expect(await artists.getByRole('link', { name: /^Noor & the / }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Mika & the /).count()).toBe(0);
    expect(await searchBox(page).inputValue()).toBe('noor');
  });

  it('searches saved data offline after a reload, marked as such', async () => {
    const open = await suite.open(DESKTOP);
    const { page, context } = open;
    await signInThroughPlex(page);
    await switchToCollector(page);
    const { library } = collectorServer(suite.fake);
    // What a user has seen is what PlexM8 saved: the first artists and albums.
    await page.goto(`${E2E_APP_URL}library?view=artists`);
    const firstArtist = library.find.artists('1', byTitle).at(0).title;
    await page
      .getByRole('list', { name: 'Artists', exact: true })
      .getByText(firstArtist)
      .first()
      .waitFor();
    await saved(page, `"${COLLECTOR_ID}","section","1","artists"`);
    await page.goto(`${E2E_APP_URL}library?view=albums`);
    const albums = library.find.albums('1', byTitle);
    const accented = Array.from({ length: 100 }, (_, i) => albums.at(i).title).find((t) =>
      t.includes('Cafés'),
    );
    if (!accented) throw new Error('no "Cafés" album on the first page');
    // The whole first page (100 albums) is saved, though not all of it is on screen.
    await page
      .getByRole('list', { name: 'Albums', exact: true })
      .getByText(albums.at(0).title, { exact: true })
      .first()
      .waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await saved(page, `"${COLLECTOR_ID}","section","1","albums"`);

    await context.setOffline(true);
    await page.goto(`${E2E_APP_URL}search`);
    await page.reload();
    await typeQuery(page, 'cafes');
    await page.getByText(OFFLINE_NOTE).waitFor();
    await section(page, 'Albums').getByText(accented).first().waitFor();

    await typeQuery(page, '東京');
    await section(page, 'Artists').getByRole('link', { name: /東京/ }).first().waitFor();
    await screenshot(page, 'collector-search-offline-desktop');
    await page.setViewportSize(PHONE.viewport);
    await screenshot(page, 'collector-search-offline-phone');

    await typeQuery(page, 'qqxz');
    await page.getByText('Nothing found.').waitFor();
    await page.getByText(OFFLINE_NOTE).waitFor();
    await context.setOffline(false);
  });
});
