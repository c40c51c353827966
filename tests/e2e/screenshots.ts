import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/**
 * Screens a person looks at before calling work done (docs/ui.md), kept out of git. Taken once the
 * screen has settled: a sheet half slid in shows two screens at once and neither as it is.
 */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity,
          ),
      undefined,
      { timeout: 2_000 },
    )
    .catch(() => undefined); // still moving after 2 s: show it as it is
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage });
}
