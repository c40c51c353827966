import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakePlex, type FakePlex } from '../fake-plex/handler';
import { listenFakePlex, type RunningFakePlex } from '../fake-plex/node-server';
import { allPorts, loopbackScenario } from '../fake-plex/scenarios';
import { DESKTOP, guardedContext, launchChromium, PHONE } from './browser';
import { downloadRoadTrip, openRoadTrip } from './flows';
import { dumpAllStorage } from './idb-dump';
import { buildPreviousRelease, PREVIOUS_RELEASE } from './previous-release';
import {
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_BASE,
  E2E_DIST,
  E2E_FAKE_PORTS,
  e2eDatabase,
} from './ports';
import { screenshot } from './screenshots';
import { serveBuild } from './static-server';

/**
 * An upgrade as users meet it: the release they run today stores its data (signed in, a playlist
 * downloaded, a queue paused mid-track); then the new release is published at the same address,
 * the old service worker offers it, the user takes it, and everything is still there.
 */
let previous = '';
let fake: FakePlex;
let plex: RunningFakePlex;
let browser: Browser;

beforeAll(async () => {
  previous = buildPreviousRelease();
  fake = createFakePlex(loopbackScenario(E2E_FAKE_PORTS));
  plex = await listenFakePlex(fake, allPorts(E2E_FAKE_PORTS));
  browser = await launchChromium();
}, 180_000);

/** The app's host for the test under way: closed after it however it ends (one port for all). */
let app: Awaited<ReturnType<typeof serveBuild>> | null = null;
async function publish(dist: string) {
  await app?.close();
  app = await serveBuild(dist, E2E_BASE, E2E_APP_PORT);
}
afterEach(async () => {
  await app?.close();
  app = null;
});

afterAll(async () => {
  await browser?.close();
  await plex?.close();
});

/** The entry script a page runs: which build it is. */
const entryScript = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type=module]')?.src ?? '');
function entryOf(dist: string): string {
  const entry = /src="[^"]*(assets\/index-[\w-]+\.js)"/.exec(
    readFileSync(`${dist}/index.html`, 'utf8'),
  )?.[1];
  if (!entry) throw new Error(`no entry script in ${dist}/index.html`);
  return entry;
}
const partRequests = () => fake.requests.filter((r) => r.path.startsWith('/library/parts/'));

// Two releases, a download each and a service-worker update: room for a busy machine.
describe(`upgrading from ${PREVIOUS_RELEASE}`, { timeout: 150_000 }, () => {
  it('keeps the user signed in, with their downloads and their place in the queue', async () => {
    const { context, problems, offLoopback } = await guardedContext(browser, DESKTOP);
    const page = await context.newPage();

    // Today's release: sign in, download Road Trip, pause the queue mid-track.
    await publish(previous);
    await openRoadTrip(page);
    expect(await entryScript(page)).toContain(entryOf(previous));
    await page.evaluate(() => navigator.serviceWorker.ready);
    const count = await downloadRoadTrip(page);
    await page.getByRole('link', { name: 'Playlists' }).first().click();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await page.getByRole('button', { name: /Play Signal Failure/ }).click();
    await page.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
    await page.waitForFunction(() => navigator.mediaSession.playbackState === 'paused');

    // The new release goes up at the same address; the running one offers it.
    await publish(E2E_DIST);
    await page.reload();
    await page.getByText('A new version of PlexM8 is ready.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.waitForFunction(
      (entry) =>
        document.querySelector<HTMLScriptElement>('script[type=module]')?.src.endsWith(entry),
      entryOf(E2E_DIST),
    );

    // The first start of the new version (the reload keeps Road Trip's address): signed in, the
    // playlist on screen, no sign-in asked. The first start, not a later one: a build that opens
    // storage before settling its names reads an empty database only then.
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .or(page.getByRole('button', { name: 'Sign in with Plex' }))
      .waitFor({ timeout: 45_000 });
    expect(await page.getByRole('button', { name: 'Sign in with Plex' }).count()).toBe(0);
    // The older version's databases are this build's: none was made beside them under the new
    // names (which the shared-origin check would then take for a neighbour's).
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((d) => d.name ?? ''),
    );
    expect(databases.filter((name) => name.startsWith('plexm8@'))).toEqual([]);
    // Whose data this is gets noted (the older version didn't): another account signing in later
    // still finds it and removes it first.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<unknown>((resolve) => {
              const open = indexedDB.open('plexm8');
              open.onsuccess = () => {
                const get = open.result.transaction('kv').objectStore('kv').get('account-id');
                get.onsuccess = () => resolve(get.result);
              };
            }),
        ),
      )
      .toBe(fake.model.user.id);
    // The queue and the paused track are back.
    await page.locator('.mini-player', { hasText: 'Signal Failure' }).waitFor();
    // The downloads are all there, and play with no network.
    await page.getByRole('link', { name: 'Downloads' }).last().click();
    await page.getByText(`${count} of ${count} tracks downloaded`).waitFor();
    await screenshot(page, 'upgraded-downloads-desktop');
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: 'Playlists' }).first().click();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    const streamed = partRequests().length;
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await page.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector<HTMLElement>('.mini-progress span')
            ?.style.width.replace('%', '') ?? 0,
        ) > 5,
      undefined,
      { timeout: 10_000 },
    );
    expect(partRequests().length).toBe(streamed);
    await context.setOffline(false);

    // Still no token anywhere the browser keeps things, old data included.
    const stored = await dumpAllStorage(page);
    for (const secret of [fake.model.user.token, ...fake.model.servers.map((s) => s.accessToken)])
      expect(stored.includes(secret)).toBe(false);
    expect(problems).toEqual([]);
    expect(offLoopback).toEqual([]);
    await context.close();
  });

  it('opens and plays a downloaded playlist offline after Plex data saved for it has gone', async () => {
    await publish(E2E_DIST);
    const { context, problems, offLoopback } = await guardedContext(browser, PHONE);
    const page = await context.newPage();
    await openRoadTrip(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const count = await downloadRoadTrip(page);
    // A week later: the query cache has let Plex's data go (its maxAge); the downloads stay.
    await context.setOffline(true);
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction(open.result.objectStoreNames, 'readwrite');
            for (const store of Array.from(open.result.objectStoreNames))
              tx.objectStore(store).clear();
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      e2eDatabase('query-cache'),
    );
    await page.goto(`${E2E_APP_URL}playlists`);
    const card = page.getByRole('list', { name: 'Downloaded playlists' }).getByRole('link', {
      name: /Road Trip/,
    });
    await card.waitFor();
    await screenshot(page, 'offline-downloaded-playlists-only-phone');
    await card.click();
    const list = page.getByRole('list', { name: 'Tracks in Road Trip' });
    await list.getByText('Departure Board').waitFor();
    expect(await list.getAttribute('data-count')).toBe(count);
    await page.getByText('Showing your downloaded copy').waitFor();
    await screenshot(page, 'offline-downloaded-copy-phone');
    const streamed = partRequests().length;
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await page.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    expect(partRequests().length).toBe(streamed);
    await context.setOffline(false);
    expect(problems).toEqual([]);
    expect(offLoopback).toEqual([]);
    await context.close();
  });
});
