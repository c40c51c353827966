import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP } from './browser';
import { downloadFromRowActions, trackRow } from './flows';
import { dumpIndexedDb } from './idb-dump';
import { atOrigin, buildPlexM8At, sharedOriginSuite, signInAt } from './origin-harness';
import { E2E_BASE } from './ports';
import { screenshot } from './screenshots';

/** A second copy of PlexM8 on the same origin: a fork's or a staging build. */
const STAGING = '/plexm8-staging/';
const suite = sharedOriginSuite(async () => [buildPlexM8At(STAGING)]);
const MAIN = E2E_BASE;

/** What the origin holds, as the browser names it. */
const names = (page: Page) =>
  page.evaluate(async () => ({
    databases: (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : [])),
    localStorage: Object.keys(localStorage),
    caches: await caches.keys(),
  }));

/** Every name carries one build's base path, and every name of `base` is that build's alone. */
const belongsTo = (name: string, base: string) =>
  name.startsWith(`plexm8@${base}`) || name.startsWith(`plexm8:${base}:`) || name.endsWith(base);

const notice = (page: Page) => page.getByText(/This copy of PlexM8 shares its web address/);

/** Long enough for a message on a shared channel to have arrived (they take milliseconds). */
const QUIET_MS = 2_500;

describe('two PlexM8 builds under different base paths on one origin', () => {
  it('keep their own sessions, downloads, channels, caches and notices', async () => {
    const { page: main, context } = await suite.open(DESKTOP);
    await signInAt(main, MAIN);
    await main.evaluate(() => navigator.serviceWorker.ready);

    // The staging copy knows nothing of the main copy's sign-in.
    const staging = await context.newPage();
    await staging.goto(atOrigin(STAGING));
    await staging.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    expect(await staging.getByText('Road Trip').count()).toBe(0);

    await signInAt(staging, STAGING);
    await staging.evaluate(() => navigator.serviceWorker.ready);

    // A download in staging stays in staging.
    await staging.getByRole('link', { name: /Road Trip/ }).click();
    await downloadFromRowActions(staging, 'Departure Board');
    await main.getByRole('link', { name: /Road Trip/ }).click();
    await trackRow(main, 'Departure Board').waitFor();
    expect(
      await trackRow(main, 'Departure Board').getByRole('img', { name: 'Downloaded' }).count(),
    ).toBe(0);
    await main.goto(`${atOrigin(MAIN)}downloads`);
    await main.getByText('Nothing downloaded yet.').waitFor();

    // Every database, key and cache carries one build's base path; each build holds only its own.
    const held = await names(main);
    for (const list of [held.databases, held.localStorage, held.caches])
      for (const name of list)
        expect(belongsTo(name, MAIN) !== belongsTo(name, STAGING), name).toBe(true);
    for (const base of [MAIN, STAGING]) {
      expect(held.databases.filter((n) => belongsTo(n, base)).length).toBeGreaterThan(0);
      expect(held.caches.filter((n) => belongsTo(n, base)).length).toBe(1);
    }
    // Each build's precache holds its own files, nothing of the other's.
    const precached = await main.evaluate(async (all) => {
      const out: Record<string, string[]> = {};
      for (const name of all)
        out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
      return out;
    }, held.caches);
    for (const [name, urls] of Object.entries(precached)) {
      const base = belongsTo(name, STAGING) ? STAGING : MAIN;
      expect(
        urls.every((u) => new URL(u).pathname.startsWith(base)),
        name,
      ).toBe(true);
    }
    const stagingFiles = await dumpIndexedDb(main, `plexm8@${STAGING}-download-jobs`);
    expect(stagingFiles).toContain('Departure Board');
    expect(await dumpIndexedDb(main, `plexm8@${MAIN}-download-jobs`)).not.toContain(
      'Departure Board',
    );

    // Each sees the other's data on the origin and says so; "Got it" holds for that build only.
    await main.reload();
    await notice(main).waitFor({ timeout: 10_000 });
    await main.getByRole('button', { name: 'Got it' }).click();
    await staging.reload();
    await notice(staging).waitFor({ timeout: 10_000 });
    await screenshot(staging, 'two-builds-staging-notice-desktop', false);

    // Playing in one doesn't pause the other (one player at a time is per build).
    await staging.goto(`${atOrigin(STAGING)}playlists/9001`);
    await staging.getByRole('button', { name: /Play Departure Board/ }).click();
    await staging.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    await main.goto(`${atOrigin(MAIN)}playlists/9001`);
    await main.getByRole('button', { name: /Play Signal Failure/ }).click();
    await main.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    await staging.waitForTimeout(QUIET_MS);
    expect(await staging.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');
    expect(await staging.getByText('PlexM8 started playing in another tab').count()).toBe(0);

    // Signing out of the main copy leaves staging signed in and playing (a tab that hears of a
    // sign-out pauses and reloads), its download and precache kept.
    await staging.evaluate(() => document.documentElement.setAttribute('data-not-reloaded', ''));
    await main.getByRole('button', { name: 'Sign out' }).click();
    await main.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    await staging.waitForTimeout(QUIET_MS);
    expect(await staging.locator('html[data-not-reloaded]').count()).toBe(1);
    expect(await staging.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');
    expect((await names(staging)).caches.filter((n) => belongsTo(n, STAGING))).toHaveLength(1);
    await staging.goto(`${atOrigin(STAGING)}playlists`);
    await staging.getByRole('link', { name: /Road Trip/ }).click();
    await trackRow(staging, 'Departure Board').getByRole('img', { name: 'Downloaded' }).waitFor();
  });
});
