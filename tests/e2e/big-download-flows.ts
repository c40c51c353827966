import type { Page } from 'playwright-core';
import type { FakePlex } from '../fake-plex/handler';
import { collectorServer, switchToCollector } from './collector-flows';
import { signInThroughPlex } from './harness';
import { E2E_APP_URL, e2eDatabase } from './ports';

export const BIG_PLAYLIST = 'The Long Haul × 20,000';

/**
 * Signed in, on the Collector's Server, its 20,000-track playlist open with every page loaded
 * (Download is offered once the whole list is known): 20,000 distinct tracks, where the demo's
 * "Everything × 20,000" repeats the same few dozen.
 */
export async function openBigPlaylist(page: Page, fake: FakePlex): Promise<void> {
  await signInThroughPlex(page);
  await switchToCollector(page);
  const big = collectorServer(fake).library.playlists.find((p) => p.size === 20_000);
  if (!big) throw new Error('no 20,000-track playlist');
  await page.goto(`${E2E_APP_URL}playlists/${big.ratingKey}`);
  const button = page.getByRole('button', { name: `Download ${BIG_PLAYLIST} for offline play` });
  await button.waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    (name) =>
      document.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)?.disabled === false,
    `Download ${BIG_PLAYLIST} for offline play`,
    { timeout: 60_000 },
  );
}

/** How many records an IndexedDB store of the app holds now. */
export const storedCount = (page: Page, db: 'download-jobs' | 'download-files') =>
  page.evaluate(
    ([name, store]) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains(store)) return resolve(0);
          const count = open.result.transaction(store).objectStore(store).count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
          count.onerror = () => reject(count.error);
        };
        open.onerror = () => reject(open.error);
      }),
    [e2eDatabase(db), db === 'download-jobs' ? 'jobs' : 'files'] as const,
  );

/** Polls until `check` holds (a few times a second: each look is itself work in the page). */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
