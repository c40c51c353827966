import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { seriousA11yProblems } from './axe';
import { e2eSuite } from './harness';
import { E2E_APP_URL } from './ports';

const suite = e2eSuite();

/** Every screen, in light (phone) and dark (desktop) colours. */
async function auditEveryScreen(page: Page) {
  const found: Record<string, unknown[]> = {};
  const audit = async (name: string) => {
    const problems = await seriousA11yProblems(page);
    if (problems.length) found[name] = problems;
  };
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
  await audit('sign-in');
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Road Trip').first().waitFor();
  await audit('playlists');
  await page.getByRole('link', { name: /Road Trip/ }).click();
  await page
    .getByRole('list', { name: 'Tracks in Road Trip' })
    .getByText('Departure Board')
    .waitFor();
  await audit('playlist');
  await page.getByRole('button', { name: /Play Departure Board/ }).click();
  await page.locator('.mini-player').waitFor();
  await audit('playlist with mini player');
  await page.getByRole('button', { name: /Open the player/ }).click();
  await page.getByRole('dialog', { name: 'Now playing' }).waitFor();
  // After its 180 ms entrance: half-faded text is no contrast finding.
  await page.waitForTimeout(400);
  await audit('now playing');
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await page.goto(`${E2E_APP_URL}library`);
  await page.getByRole('heading', { name: 'Library' }).first().waitFor();
  await page.waitForTimeout(300);
  await audit('library');
  await page.getByRole('link', { name: '坂本 ユキ', exact: true }).click();
  await page.getByRole('heading', { name: '坂本 ユキ', level: 1 }).waitFor();
  await audit('artist');
  await page.getByRole('link', { name: /雪の記憶/ }).click();
  await page.getByRole('list', { name: 'Tracks on 雪の記憶' }).getByText('初雪').waitFor();
  await audit('album');
  await page.goto(`${E2E_APP_URL}search`);
  await page.getByRole('searchbox', { name: 'Search your music' }).fill('light');
  await page.getByText('Streetlights').waitFor();
  await audit('search');
  await page.goto(`${E2E_APP_URL}downloads`);
  await page.getByRole('heading', { name: 'Downloads' }).waitFor();
  await audit('downloads');
  await page.goto(`${E2E_APP_URL}servers`);
  await page.getByText('Connected on your local network.').waitFor();
  await audit('servers');
  return found;
}

describe('accessibility', () => {
  it('has no serious or critical axe findings on any screen (phone, light)', async () => {
    const open = await suite.open({ ...PHONE, colorScheme: 'light' });
    expect(await auditEveryScreen(open.page)).toEqual({});
  });

  it('has no serious or critical axe findings on any screen (desktop, dark)', async () => {
    const open = await suite.open(DESKTOP);
    expect(await auditEveryScreen(open.page)).toEqual({});
  });
});
