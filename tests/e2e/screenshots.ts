import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'test-results/screenshots';

/** Screens a person looks at before calling work done (ui.md), kept out of git. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage });
}
