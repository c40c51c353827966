import type { Locator, Page } from 'playwright-core';
import { signInThroughPlex } from './harness';

/** Signs in and opens the demo's Road Trip playlist, its first rows shown. */
export async function openRoadTrip(page: Page): Promise<void> {
  await signInThroughPlex(page);
  await page.getByRole('link', { name: /Road Trip/ }).click();
  await page
    .getByRole('list', { name: 'Tracks in Road Trip' })
    .getByText('Departure Board')
    .waitFor();
}

/** A track's row in the list on screen. */
export const trackRow = (page: Page, title: string): Locator =>
  page.locator('.track-row', { hasText: title });

/** Downloads one track from its row's ⋯ actions and waits until the row says it is downloaded. */
export async function downloadFromRowActions(page: Page, title: string): Promise<Locator> {
  const row = trackRow(page, title);
  await row.getByRole('button', { name: `More for ${title}` }).click();
  await row.getByRole('button', { name: 'Download', exact: true }).click();
  await row.getByRole('img', { name: 'Downloaded' }).waitFor({ timeout: 10_000 });
  return row;
}

/**
 * Downloads Road Trip from its screen and waits on the Downloads screen until every track is on
 * the device; returns how many tracks that is.
 */
export async function downloadRoadTrip(page: Page, timeout = 30_000): Promise<string> {
  const count =
    (await page.getByRole('list', { name: 'Tracks in Road Trip' }).getAttribute('data-count')) ??
    '';
  await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
  await page.getByRole('link', { name: 'Downloads' }).last().click();
  await page.getByText(`${count} of ${count} tracks downloaded`).waitFor({ timeout });
  return count;
}
