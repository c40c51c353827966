import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import {
  browseCases,
  collectorServer,
  listCaughtUp,
  sampleList,
  switchToCollector,
  type BrowseCase,
} from './collector-flows';
import { e2eSuite, signInThroughPlex } from './harness';
import { E2E_APP_URL } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/** The most list items in the DOM at any check: the whole point is that it stays small. */
const MOST_MOUNTED = 150;

/**
 * Opens a list, checks its first items, then jumps down through it to the end (as the End key
 * or a dragged scrollbar would), checking how many items are mounted at each stop.
 */
async function scrollToEnd(page: Page, c: BrowseCase, size: string) {
  await page.goto(`${E2E_APP_URL}${c.path}`);
  const list = page.getByRole('list', { name: c.label, exact: true });
  await list.locator('[aria-posinset="1"]').first().waitFor({ timeout: 15_000 });
  expect(await list.getAttribute('data-count')).toBe(String(c.total));
  expect(await list.locator('[aria-posinset="1"]').getAttribute('aria-setsize')).toBe(
    String(c.total),
  );
  await screenshot(page, `collector-${c.name}-${size}`, false);
  const counts: number[] = [];
  for (const share of [0.25, 0.5, 0.75, 1]) {
    await page.evaluate(
      (f) => window.scrollTo(0, f * document.documentElement.scrollHeight),
      share,
    );
    await listCaughtUp(page, c.label);
    counts.push((await sampleList(page, c.label)).mounted);
  }
  // The end may have grown a little as the rows there arrived: keep going until it holds.
  const last = list.locator(`[aria-posinset="${c.total}"]`);
  for (let i = 0; i < 20 && !(await last.isVisible()); i += 1) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await listCaughtUp(page, c.label);
  }
  await last.getByText(c.last, { exact: true }).first().waitFor({ timeout: 15_000 });
  counts.push((await sampleList(page, c.label)).mounted);
  await screenshot(page, `collector-${c.name}-end-${size}`, false);
  expect(Math.max(...counts)).toBeLessThanOrEqual(MOST_MOUNTED);
  expect(Math.min(...counts)).toBeGreaterThan(0);
}

describe("the Collector's library (150,000 tracks) in Chromium", () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    for (const name of ['artists', 'albums', 'tracks', 'playlists'] as const) {
      it(`scrolls its ${name} to the end with few mounted (${size})`, async () => {
        const open = await suite.open(viewport);
        await signInThroughPlex(open.page);
        await switchToCollector(open.page);
        const c = browseCases(suite.fake).find((x) => x.name === name);
        if (!c) throw new Error(`no case ${name}`);
        await scrollToEnd(open.page, c, size);
      });
    }
  }

  it('opens an album and an artist from deep in their lists', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await signInThroughPlex(page);
    await switchToCollector(page);
    const { library } = collectorServer(suite.fake);
    const title = { by: 'title', desc: false } as const;

    const album = library.find.albums('1', title).at(22_222);
    await page.goto(`${E2E_APP_URL}library?view=albums`);
    const albums = page.getByRole('list', { name: 'Albums', exact: true });
    await albums.locator('[aria-posinset="1"]').waitFor();
    await page.evaluate((f) => window.scrollTo(0, f * document.body.scrollHeight), 22_222 / 30_000);
    const card = albums.locator('[aria-posinset="22223"]');
    await card.getByText(album.title, { exact: true }).waitFor();
    await card.getByRole('link').click();
    const tracks = library.find.tracksOf(album.ratingKey);
    const list = page.getByRole('list', { name: `Tracks on ${album.title}` });
    await list.getByText(tracks.at(-1)?.title ?? '', { exact: true }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(tracks.length);
    await screenshot(page, 'collector-album-desktop');

    const artist = library.find.artists('1', title).at(4_321);
    await page.goto(`${E2E_APP_URL}library?view=artists`);
    const artists = page.getByRole('list', { name: 'Artists', exact: true });
    await artists.locator('[aria-posinset="1"]').waitFor();
    await page.evaluate((f) => window.scrollTo(0, f * document.body.scrollHeight), 4_321 / 5_000);
    await artists
      .locator('[aria-posinset="4322"]')
      .getByRole('link', { name: artist.title })
      .click();
    await page.getByRole('heading', { name: artist.title, level: 1 }).waitFor();
    for (const a of library.find.albumsOf(artist.ratingKey))
      await page
        .getByRole('link', { name: new RegExp(escape(a.title)) })
        .first()
        .waitFor();
    await screenshot(page, 'collector-artist-desktop');
  });
});

describe("the Collector's library by keyboard", () => {
  it('reaches albums far past the first screen with Tab, each announced in its place', async () => {
    const open = await suite.open({ ...DESKTOP, reducedMotion: 'reduce' });
    const { page } = open;
    await signInThroughPlex(page);
    await switchToCollector(page);
    await page.goto(`${E2E_APP_URL}library?view=albums`);
    const albums = page.getByRole('list', { name: 'Albums', exact: true });
    await albums.locator('[aria-posinset="1"] a').focus();
    // Well past the ~36 cards mounted at first: focus moves the page, and the cards mount.
    for (let i = 0; i < 80; i += 1) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const cell = document.activeElement?.closest('li');
      const box = document.activeElement?.getBoundingClientRect();
      return {
        at: cell?.getAttribute('aria-posinset'),
        of: cell?.getAttribute('aria-setsize'),
        onScreen: !!box && box.top >= 0 && box.bottom <= window.innerHeight + 1,
      };
    });
    expect(focused).toEqual({ at: '81', of: '30000', onScreen: true });
    expect((await sampleList(page, 'Albums')).mounted).toBeLessThanOrEqual(MOST_MOUNTED);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
