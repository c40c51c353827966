import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import {
  atOrigin,
  sharedOriginSuite,
  signInAt,
  visitNeighbour,
  writeNeighbourApp,
} from './origin-harness';
import { E2E_APP_PORT, E2E_BASE, E2E_DIST, e2eDatabase } from './ports';
import { screenshot } from './screenshots';

/** Another app on PlexM8's origin, as another project page of the same GitHub user would be. */
const NEIGHBOUR = '/notes/';
let neighbourDir = '';
const suite = sharedOriginSuite(async () => {
  const neighbour = await writeNeighbourApp(NEIGHBOUR);
  neighbourDir = neighbour.dir;
  return [neighbour];
});

const notice = (page: Page) => page.getByText(/This copy of PlexM8 shares its web address/);

/** Long enough for the notices' chunk to load and the origin check to answer (it takes < 1 s). */
const SETTLE_MS = 3_000;

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');

describe('PlexM8 on an origin it shares with other apps', () => {
  it('says nothing while alone; once another app keeps data there, says so once', async () => {
    const { page, context } = await suite.open(DESKTOP);
    await signInAt(page, E2E_BASE);
    await page.waitForTimeout(SETTLE_MS);
    expect(await notice(page).count()).toBe(0);

    const neighbour = await context.newPage();
    await visitNeighbour(neighbour, NEIGHBOUR);
    await page.reload();
    await notice(page).waitFor({ timeout: 10_000 });
    expect(await notice(page).textContent()).toContain(`(127.0.0.1:${E2E_APP_PORT})`);
    await screenshot(page, 'shared-origin-notice-desktop', false);

    await page.getByRole('button', { name: 'Got it' }).click();
    await notice(page).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByText('Road Trip').waitFor();
    await page.waitForTimeout(SETTLE_MS);
    expect(await notice(page).count()).toBe(0);
  });

  it("links to the deploy guide's section that says what a neighbour can do", async () => {
    const { page, context } = await suite.open(PHONE);
    await visitNeighbour(await context.newPage(), NEIGHBOUR);
    await signInAt(page, E2E_BASE);
    await notice(page).waitFor({ timeout: 10_000 });
    await screenshot(page, 'shared-origin-notice-phone', false);
    const href = await page.getByRole('link', { name: 'What this means' }).getAttribute('href');
    const url = new URL(href ?? '');
    // The guide of the repository the build came from; the e2e build sets none: the default.
    expect(`${url.origin}${url.pathname}`).toBe(
      'https://github.com/plexm8/plexm8/blob/main/deploy/README.md',
    );
    const guide = await readFile('deploy/README.md', 'utf8');
    const sections = guide.split(/^(?=#{1,3} )/m);
    const section = sections.find(
      (s) => anchorOf(s.split('\n')[0]?.replace(/^#+ /, '') ?? '') === url.hash.slice(1),
    );
    expect(section, `deploy/README.md has a heading for ${url.hash}`).toBeDefined();
    for (const risk of [/IndexedDB/, /precache/, /unregister/i, /own origin|dedicated origin/i])
      expect(section).toMatch(risk);
  });

  it('a neighbour can do what the deploy guide says: unseal the token, plant a page, remove the worker', async () => {
    const { page, context } = await suite.open(DESKTOP);
    await signInAt(page, E2E_BASE);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.getByText('Road Trip').waitFor();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    const neighbour = await context.newPage();
    await visitNeighbour(neighbour, NEIGHBOUR);
    // Everything sealed in PlexM8's database, opened with the key stored beside it.
    const unsealed = await neighbour.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const read = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
      const store = db.transaction('kv').objectStore('kv');
      const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
      db.close();
      const key = values[keys.indexOf('secret-key')];
      const opened: string[] = [];
      for (const value of values)
        if (value?.sealed === 1)
          opened.push(
            new TextDecoder().decode(
              await crypto.subtle.decrypt({ name: 'AES-GCM', iv: value.iv }, key, value.data),
            ),
          );
      return opened;
    }, e2eDatabase());
    expect(unsealed.some((text) => text.includes(suite.fake.model.user.token))).toBe(true);

    // Its own page in PlexM8's precache: PlexM8's next start runs the neighbour's script.
    const planted = await neighbour.evaluate(async (scope) => {
      const name = (await caches.keys()).find((n) => n.includes('precache') && n.endsWith(scope));
      if (!name) return false;
      const cache = await caches.open(name);
      const entry = (await cache.keys()).find((r) =>
        new URL(r.url).pathname.endsWith('/index.html'),
      );
      if (!entry) return false;
      const page =
        '<!doctype html><title>PlexM8</title><script src="/notes/planted.js" defer></script>';
      await cache.put(entry, new Response(page, { headers: { 'Content-Type': 'text/html' } }));
      return true;
    }, atOrigin(E2E_BASE));
    expect(planted).toBe(true);
    await page.goto(`${atOrigin(E2E_BASE)}library`);
    await page.getByRole('heading', { name: 'Planted by a neighbour' }).waitFor();

    const removed = await neighbour.evaluate(async (scope) => {
      const mine = (await navigator.serviceWorker.getRegistrations()).find(
        (r) => r.scope === scope,
      );
      return (await mine?.unregister()) ?? false;
    }, atOrigin(E2E_BASE));
    expect(removed).toBe(true);
  });

  it('ships a CSP that lets nothing inline or plain-http in beyond loopback, with Trusted Types', async () => {
    const html = await readFile(join(E2E_DIST, 'index.html'), 'utf8');
    const content = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    const policy = new Map(
      (content ?? '')
        .replaceAll('&#39;', "'")
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...sources]) => [name, sources]),
    );
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(policy.get('style-src')).toEqual(["'self'", `'sha256-${hash}'`]);
    for (const directive of ['script-src', 'style-src', 'connect-src', 'img-src', 'media-src'])
      for (const source of policy.get(directive) ?? [])
        expect(source, directive).not.toMatch(/^'unsafe-|^http:$|^\*$/);
    for (const directive of ['connect-src', 'img-src', 'media-src'])
      expect(policy.get(directive)?.filter((s) => s.startsWith('http://'))).toEqual([
        'http://127.0.0.1:*',
        'http://localhost:*',
      ]);
    expect(policy.get('require-trusted-types-for')).toEqual(["'script'"]);
  });

  it('framed by a page of another origin, shows no controls, only a way to open it in its own tab', async () => {
    // The framing page is on "localhost", another origin than PlexM8's 127.0.0.1.
    await writeFile(
      join(neighbourDir, 'framer.html'),
      `<!doctype html><html lang="en"><title>Win a prize</title><iframe title="prize" src="${atOrigin(E2E_BASE)}" width="600" height="400"></iframe></html>`,
    );
    const { page, context } = await suite.open(DESKTOP);
    await page.goto(`http://localhost:${E2E_APP_PORT}${NEIGHBOUR}framer.html`);
    const framed = page.frameLocator('iframe');
    const link = framed.getByRole('link', { name: 'Open PlexM8 in its own tab' });
    await link.waitFor();
    expect(await framed.getByRole('button').count()).toBe(0);
    expect(await link.getAttribute('href')).toBe(atOrigin(E2E_BASE));
    await screenshot(page, 'framed-desktop', false);
    const [own] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await own.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    expect(own.url()).toBe(atOrigin(E2E_BASE));
  });
});
