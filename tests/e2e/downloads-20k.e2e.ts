import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { BIG_PLAYLIST, openBigPlaylist, pollUntil, storedCount } from './big-download-flows';
import { e2eSuite } from './harness';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/** Rows of the list of every download in the DOM now: the point is that it stays small. */
const mountedRows = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('.dl-list-all .virtual-row').length);

/** The list of every download, its heading at the top of the screen. */
async function screenshotOfList(page: Page, name: string) {
  await page.evaluate(() => {
    const heading = document.getElementById('dl-all-title');
    window.scrollTo(0, (heading?.getBoundingClientRect().top ?? 0) + window.scrollY - 80);
  });
  // The list lays out the rows for where it now stands on the scroll's frame; the next is drawn.
  await page.evaluate(
    () => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))),
  );
  await screenshot(page, name, false);
  await page.evaluate(() => window.scrollTo(0, 0));
}

describe('downloading a 20,000-track playlist', () => {
  it('queues it, shows it summarised with few rows mounted, cancels one and deletes it', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await openBigPlaylist(page, suite.fake);
    await page.getByRole('button', { name: `Download ${BIG_PLAYLIST} for offline play` }).click();
    await page
      .getByRole('status')
      .getByText(/^Downloading \d+ of 20000/)
      .waitFor({ timeout: 30_000 });
    // Every job on disk, then the queue paused so the rest of the test isn't racing it.
    await pollUntil(async () => (await storedCount(page, 'download-jobs')) === 20_000, 60_000);

    await page
      .getByRole('navigation', { name: /Main/ })
      .getByRole('link', { name: 'Downloads' })
      .first()
      .click();
    await page.getByRole('button', { name: 'Pause downloads' }).click();
    await page.getByRole('button', { name: 'Resume downloads' }).waitFor();
    const summary = page.locator('.dl-summary');
    await summary
      .getByText(/of 20,000 tracks downloaded · [\d.]+ [KMG]B of [\d.]+ [KMG]B/)
      .waitFor();
    await page.getByText(/^Playlist · \d+ of 20,000 tracks$/).waitFor();
    const list = page.getByRole('list', { name: 'Downloaded and queued tracks' });
    expect(await list.getAttribute('data-count')).toBe('20000');
    await list.locator('[aria-posinset="1"]').waitFor();
    const mounted = [await mountedRows(page)];
    await screenshot(page, 'downloads-20k-desktop', false);
    await screenshotOfList(page, 'downloads-20k-list-desktop');
    // To the end of the list and back: still a screenful mounted, the last track there.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await list.locator('[aria-posinset="20000"]').waitFor();
    mounted.push(await mountedRows(page));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize(PHONE.viewport);
    await list.locator('[aria-posinset="1"]').waitFor();
    mounted.push(await mountedRows(page));
    await screenshot(page, 'downloads-20k-phone', false);
    await screenshotOfList(page, 'downloads-20k-list-phone');
    expect(Math.max(...mounted)).toBeLessThanOrEqual(40);
    expect(Math.min(...mounted)).toBeGreaterThan(0);

    // Cancel the last track (still waiting): one fewer, in the list and on disk.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const waiting = list.locator('[aria-posinset="20000"] .dl-queued');
    const title = await waiting.locator('.dl-title').textContent();
    await waiting.getByRole('button', { name: /^Cancel the download of / }).click();
    await page.getByText(/^Playlist · \d+ of 19,999 tracks$/).waitFor();
    expect(await list.getAttribute('data-count')).toBe('19999');
    expect(await list.getByText(title ?? '', { exact: true }).count()).toBe(0);
    await pollUntil(async () => (await storedCount(page, 'download-jobs')) === 19_999, 30_000);

    // Deleting the playlist deletes every job and file it brought.
    await page.getByRole('button', { name: `Delete the download of ${BIG_PLAYLIST}` }).click();
    await page.getByText('Nothing downloaded yet.').waitFor({ timeout: 30_000 });
    await pollUntil(async () => (await storedCount(page, 'download-jobs')) === 0, 30_000);
    await pollUntil(async () => (await storedCount(page, 'download-files')) === 0, 30_000);
  });
});
