import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';
import { signInThroughPlex, startE2E } from '../tests/e2e/harness';
import { E2E_APP_URL } from '../tests/e2e/ports';
import { figure, type Figure } from './stats';

/** Below the ephemeral range, like every fixed port here. */
const DEBUG_PORT = 21390;
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
};

type Scores = Record<(typeof CATEGORIES)[number], number>;

/**
 * Lighthouse (its default mobile emulation and simulated throttling) against the production
 * build in Debian Chromium, served gzipped as GitHub Pages serves it: the first screen a visitor
 * sees, and a signed-in playlist (the profile's storage kept, so the audit opens it signed in).
 */
async function audit(signedIn: boolean): Promise<Scores> {
  const profile = await mkdtemp(join(tmpdir(), 'plexm8-lighthouse-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${DEBUG_PORT}`],
    headless: true,
  });
  try {
    if (signedIn) {
      const page = context.pages()[0] ?? (await context.newPage());
      await signInThroughPlex(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
    }
    const url = signedIn ? `${E2E_APP_URL}playlists/9001` : E2E_APP_URL;
    const result = await lighthouse(url, {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      disableStorageReset: signedIn,
    });
    if (!result) throw new Error('Lighthouse returned nothing');
    const score = (id: string) => Math.round((result.lhr.categories[id]?.score ?? 0) * 100);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
    };
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

export async function benchLighthouse(runs = 3): Promise<Figure[]> {
  const e2e = await startE2E();
  try {
    const figures: Figure[] = [];
    for (const [label, signedIn] of [
      ['first screen', false],
      ['signed-in playlist', true],
    ] as const) {
      const results: Scores[] = [];
      for (let i = 0; i < runs; i += 1) results.push(await audit(signedIn));
      for (const category of CATEGORIES)
        figures.push(
          figure(
            `Lighthouse ${category}, ${label}`,
            'points',
            results.map((r) => r[category]),
            `≥ ${TARGETS[category]}`,
            (m) => m >= TARGETS[category],
          ),
        );
    }
    return figures;
  } finally {
    await e2e.stop();
  }
}
