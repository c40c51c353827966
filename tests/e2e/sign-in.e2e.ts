import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { e2eSuite, type OpenPage } from './harness';
import { E2E_APP_URL, E2E_PLEX_TV, e2eDatabase } from './ports';
import { dumpIndexedDb } from './idb-dump';
import { screenshot } from './screenshots';

const suite = e2eSuite();

async function goToPlexAuth(o: OpenPage) {
  await o.page.goto(E2E_APP_URL);
  await o.page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await o.page.waitForURL(`${E2E_PLEX_TV}/auth#?**`);
  return new URLSearchParams(new URL(o.page.url()).hash.replace(/^#\??/, ''));
}

describe('sign-in through app.plex.tv in Chromium', () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`signs in on the fake auth page and comes back connected (${size})`, async () => {
      const open = await suite.open(viewport);
      const { page } = open;
      await page.goto(E2E_APP_URL);
      await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
      await screenshot(page, `sign-in-${size}`);

      const params = await goToPlexAuth(open);
      expect(params.get('forwardUrl')).toBe(`${E2E_APP_URL}sign-in/return`);
      await page.getByRole('button', { name: 'Approve' }).click();

      await page.waitForURL(`${E2E_APP_URL}playlists`);
      await page.getByText('Road Trip').waitFor();
      await page.getByRole('link', { name: 'Servers' }).click();
      await page.getByText('Connected on your local network.').waitFor();
      await page
        .getByRole('region', { name: 'Music on Living Room Server' })
        .getByText('Audiobooks')
        .waitFor();
      if (size === 'desktop') await page.getByText('Demo Listener').waitFor();
      await screenshot(page, `servers-${size}`);

      // plex.tv calls were CORS simple requests: no preflight, X-Plex-* in the query string.
      const plexTv = suite.fake.requests.filter(
        (r) => r.origin === E2E_PLEX_TV && r.path.startsWith('/api/'),
      );
      expect(plexTv.length).toBeGreaterThanOrEqual(4);
      expect(plexTv.filter((r) => r.method === 'OPTIONS')).toEqual([]);
      for (const r of plexTv)
        expect(r.query['X-Plex-Client-Identifier']).toMatch(/^[0-9a-f-]{36}$/);
      // PlexM8's pages send no Referer at all (the token rides in URLs).
      const appOrigin = new URL(E2E_APP_URL).origin;
      expect(suite.fake.requests.filter((r) => r.headers.referer?.startsWith(appOrigin))).toEqual(
        [],
      );
      expect(suite.fake.requests.some((r) => r.path.endsWith('/avatar'))).toBe(true);
    });
  }

  it('explains a denied sign-in and lets the user try again', async () => {
    const open = await suite.open(PHONE);
    await goToPlexAuth(open);
    await open.page.getByRole('button', { name: 'Deny' }).click();
    await open.page.getByText("Sign-in wasn't approved.").waitFor();
    await screenshot(open.page, 'sign-in-denied-phone');
    await open.page.getByRole('button', { name: 'Start over' }).click();
    await open.page.waitForURL(`${E2E_PLEX_TV}/auth#?**`);
    await open.page.getByRole('button', { name: 'Approve' }).click();
    await open.page.getByText('Road Trip').waitFor();
  });

  it('explains an expired PIN', async () => {
    const open = await suite.open(PHONE);
    await goToPlexAuth(open);
    for (const pin of suite.fake.model.pins.values()) pin.expiresAt = 0;
    await open.page.getByRole('button', { name: 'Deny' }).click();
    await open.page.getByText('That sign-in code has expired.').waitFor();
    expect(await open.page.getByRole('button', { name: 'Sign in with Plex' }).isVisible()).toBe(
      true,
    );
  });

  it('finishes a sign-in approved in a tab that was closed, when PlexM8 is opened again', async () => {
    const open = await suite.open(DESKTOP);
    const params = await goToPlexAuth(open);
    // The user approves on another device; this tab is closed before Plex forwards it.
    suite.fake.approve(params.get('code') ?? '');
    await open.page.goto(`${E2E_APP_URL}sign-in/return`);
    await open.page.getByText('Road Trip').waitFor();
  });

  it('keeps the session across a reload and deep link, checks the token, and signs out for good', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await goToPlexAuth(open);
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Road Trip').waitFor();

    const userChecks = () => suite.fake.requests.filter((r) => r.path === '/api/v2/user').length;
    const before = userChecks();
    await page.goto(`${E2E_APP_URL}servers`);
    await page.getByText('Connected on your local network.').waitFor();
    expect(userChecks()).toBe(before + 1);
    // Signed in, the tokens are on disk only sealed (AES-GCM, non-extractable key).
    const sealed = await dumpIndexedDb(page, e2eDatabase());
    expect(sealed).toContain('"sealed":1');
    expect(sealed.includes(suite.fake.model.user.token)).toBe(false);
    for (const server of suite.fake.model.servers)
      expect(sealed.includes(server.accessToken)).toBe(false);

    // Reloaded the moment sign-out is pressed, before its wipe can have finished: the next
    // start must not come back signed in.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    const stored = await dumpIndexedDb(page);
    expect(stored).toContain('client-id');
    expect(stored.includes(suite.fake.model.user.token)).toBe(false);
    for (const server of suite.fake.model.servers)
      expect(stored.includes(server.accessToken)).toBe(false);
    expect(stored.includes('Road Trip')).toBe(false);
  });

  it('opens a deep link on a first visit through GitHub Pages-style 404.html', async () => {
    const open = await suite.open(PHONE);
    const response = await open.page.goto(`${E2E_APP_URL}playlists/9001`);
    expect(response?.status()).toBe(404);
    await open.page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
  });

  it('sends a revoked sign-in back to the sign-in screen with the reason', async () => {
    const open = await suite.open(DESKTOP);
    await goToPlexAuth(open);
    await open.page.getByRole('button', { name: 'Approve' }).click();
    await open.page.getByText('Road Trip').waitFor();
    suite.fake.model.revokedTokens.add(suite.fake.model.user.token);
    await open.page.reload();
    await open.page
      .getByText('Your Plex sign-in has expired or was revoked. Sign in again.')
      .waitFor();
    await open.page
      .getByText('Your queue, your place in the track and your downloads are kept')
      .waitFor();
    await open.page.setViewportSize(PHONE.viewport);
    await screenshot(open.page, 'sign-in-again-phone');
    suite.fake.model.revokedTokens.clear();
  });
});
