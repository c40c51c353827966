import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFakePlex, type FakePlex } from '../fake-plex/handler';
import { listenFakePlex, type RunningFakePlex } from '../fake-plex/node-server';
import { allPorts, loopbackScenario } from '../fake-plex/scenarios';
import { guardedContext, launchChromium } from './browser';
import { expectCleanPage, type OpenPage } from './harness';
import { buildApp } from './build-app';
import { E2E_APP_PORT, E2E_BASE, E2E_DIST, E2E_FAKE_PORTS } from './ports';
import { serveBuild, type Mount } from './static-server';

/**
 * One origin, several apps: PlexM8's e2e build under /plexm8/ with neighbours under paths of
 * their own, as every project page of a GitHub user shares `<user>.github.io` (decision 014).
 */
export const atOrigin = (base: string) => `http://127.0.0.1:${E2E_APP_PORT}${base}`;

/**
 * A second PlexM8 build under another base path (a fork's or a staging copy), built like the
 * global setup's. Only the files that need one pay for it (a few seconds).
 */
export function buildPlexM8At(base: string): Mount {
  const dir = `${E2E_DIST}-${base.replace(/\W+/g, '')}`;
  buildApp({ base, outDir: dir });
  return { dir, base };
}

/**
 * Somebody else's app on the same origin: a page that keeps its notes in IndexedDB and registers
 * a service worker, as any small PWA would. `planted.js` is what a hostile one would slip into
 * PlexM8 (the deploy guide's attacks).
 */
export async function writeNeighbourApp(base: string): Promise<Mount> {
  const dir = await mkdtemp(join(tmpdir(), 'plexm8-neighbour-'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Notes</title><h1>Notes</h1><script src="app.js"></script></html>',
  );
  await writeFile(
    join(dir, 'app.js'),
    `const open = indexedDB.open('notes', 1);
open.onupgradeneeded = () => open.result.createObjectStore('notes');
open.onsuccess = () => {
  open.result.close();
  navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.ready).then(() => {
    document.body.dataset.ready = 'yes';
  });
};
`,
  );
  await writeFile(join(dir, 'sw.js'), "self.addEventListener('fetch', () => {});\n");
  await writeFile(
    join(dir, 'planted.js'),
    "document.body.replaceChildren(Object.assign(document.createElement('h1'), { textContent: 'Planted by a neighbour' }));\n",
  );
  return { dir, base };
}

/** Waits until the neighbour's page has stored its notes and its service worker is active. */
export async function visitNeighbour(page: Page, base: string): Promise<void> {
  await page.goto(atOrigin(base));
  await page.locator('body[data-ready="yes"]').waitFor();
}

/** Signs in through the fake app.plex.tv page at the copy of PlexM8 under `base`. */
export async function signInAt(page: Page, base: string): Promise<void> {
  await page.goto(atOrigin(base));
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(`${atOrigin(base)}playlists`);
  await page.getByText('Road Trip').waitFor();
}

/**
 * e2eSuite's guards (harness.ts) for one origin shared with `neighbours`: each test's pages end
 * with no page error or CSP refusal, nothing off loopback and no token printed.
 */
export function sharedOriginSuite(neighbours: () => Promise<Mount[]>) {
  let browser: Browser | null = null;
  let fake: FakePlex | null = null;
  let plex: RunningFakePlex | null = null;
  let app: { close(): Promise<void> } | null = null;
  let current: OpenPage | null = null;
  const started = () => {
    if (!browser || !fake) throw new Error('the shared-origin suite has not started');
    return { browser, fake };
  };
  beforeAll(async () => {
    fake = createFakePlex(loopbackScenario(E2E_FAKE_PORTS));
    plex = await listenFakePlex(fake, allPorts(E2E_FAKE_PORTS));
    app = await serveBuild(E2E_DIST, E2E_BASE, E2E_APP_PORT, await neighbours());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await plex?.close();
  });
  afterEach(async () => {
    if (!current) return;
    expectCleanPage(current, started().fake);
    await current.context.close();
    current = null;
  });
  return {
    get fake() {
      return started().fake;
    },
    async open(options: Parameters<Browser['newContext']>[0] = {}) {
      const guarded = await guardedContext(started().browser, options);
      current = { ...guarded, page: await guarded.context.newPage() };
      return current;
    },
  };
}
