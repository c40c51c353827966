import type { Locator, Page } from 'playwright-core';
import { signInThroughPlex } from './harness';
import { waitInPage } from './poll-page';
import { e2eDatabase } from './ports';

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

/**
 * Waits until a file's partial chunk is saved and its job record counts it (`chunks`): what a
 * download resumes from after a reload or in another tab. The chunk lands a moment before the
 * record, so a chunk in the files database alone is not yet something to resume from.
 */
export async function whenAChunkIsSaved(page: Page, timeout = 15_000): Promise<void> {
  await waitInPage(page, jobCountsAChunk, e2eDatabase('download-jobs'), {
    timeout,
    what: 'a saved chunk',
  });
}

/** In the page: whether a job record of the downloads database counts a saved chunk. */
const jobCountsAChunk = (name: string) =>
  new Promise<boolean>((resolve) => {
    const open = indexedDB.open(name);
    // Not there yet: don't create it (the app's own open would then find no store).
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('jobs')) {
        db.close();
        resolve(false);
        return;
      }
      const jobs = db.transaction('jobs').objectStore('jobs').getAll();
      jobs.onsuccess = () => {
        db.close();
        resolve(
          jobs.result.some(
            (job: unknown) =>
              typeof job === 'object' &&
              job !== null &&
              'chunks' in job &&
              typeof job.chunks === 'number' &&
              job.chunks > 0,
          ),
        );
      };
      jobs.onerror = () => {
        db.close();
        resolve(false);
      };
    };
  });
