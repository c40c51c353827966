import { describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS } from '../../src/features/servers/probe-connection';
import { CHROMIUM_ARGS, DESKTOP, PHONE, guardedContext, launchChromium } from './browser';
import {
  e2eSuite,
  fakeOrigin,
  signInThroughPlex,
  waitForRequest,
  waitUntil,
  type OpenPage,
} from './harness';
import { liveSessions } from '../fake-plex/pms-sessions';
import { E2E_APP_PORT, E2E_BASE, E2E_FAKE_PORTS } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();

async function signIn(o: OpenPage) {
  await signInThroughPlex(o.page);
  await o.page.getByRole('link', { name: 'Servers' }).click();
}

const local = fakeOrigin(E2E_FAKE_PORTS.living.local);
const relay = fakeOrigin(E2E_FAKE_PORTS.living.relay);
const remote = fakeOrigin(E2E_FAKE_PORTS.living.remote);
const friend = fakeOrigin(E2E_FAKE_PORTS.friend);

describe('choosing a connection in Chromium', () => {
  it('with a hanging local and a hanging friend, chooses the relay within one probe timeout', async () => {
    suite.fake.faults.add({ kind: 'hang', origin: local });
    suite.fake.faults.add({ kind: 'hang', origin: friend });
    suite.fake.faults.add({ kind: 'hang', origin: remote });
    const open = await suite.open(DESKTOP);
    await signIn(open);
    await open.page
      .getByText(
        "Can't reach Living Room Server over your local network; using Plex Relay (slower).",
      )
      .waitFor({ timeout: PROBE_TIMEOUT_MS * 2 });

    const resources = await waitForRequest(suite.fake, (r) => r.path === '/api/v2/resources');
    const firstRelayUse = await waitForRequest(
      suite.fake,
      (r) => r.origin === relay && r.path === '/library/sections',
    );
    const elapsed = firstRelayUse.at - resources.at;
    // Three hanging candidates: the sum of their timeouts would be 3× this.
    expect(elapsed).toBeGreaterThanOrEqual(PROBE_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(PROBE_TIMEOUT_MS + 1500);

    await open.page
      .getByText("Jo's Server didn't answer in time. Is it switched on and online?")
      .waitFor({
        timeout: PROBE_TIMEOUT_MS * 2,
      });
    await open.page.getByText('Connections (3)').first().click();
    await open.page.getByText('timed out').first().waitFor();
    // Listed though plex.tv sent it with connections: null (and nulls for platform, device).
    await open.page.getByText('Old Laptop offers no connections PlexM8 can use.').waitFor();
    await screenshot(open.page, 'servers-relay-desktop');
  });

  it('starts on the remembered connection at once, then moves up to local when it answers', async () => {
    const open = await suite.open(PHONE);
    suite.fake.faults.add({ kind: 'drop', origin: local });
    await signIn(open);
    await open.page.getByText(/using Plex Relay/).waitFor();

    // Back home: local answers again, but slowly. The remembered relay must not wait for it.
    suite.fake.faults.clear();
    suite.fake.faults.add({ kind: 'latency', ms: 1500, origin: local, path: '/identity' });
    await open.page.reload();
    // The remembered relay wins before the slow local (1.5 s) answers…
    await open.page.getByText('Connected through Plex Relay (slower).').waitFor({ timeout: 1400 });
    await screenshot(open.page, 'servers-relay-phone');
    // …and the background probe then moves up to local.
    await open.page.getByText('Connected on your local network.').waitFor({ timeout: 5000 });
  });

  it('fails over to another connection when the chosen one dies, without a reload', async () => {
    const open = await suite.open(DESKTOP);
    await signIn(open);
    await open.page.getByText('Connected on your local network.').waitFor();
    suite.fake.faults.add({ kind: 'drop', origin: local });
    await open.page.getByRole('button', { name: 'Test connection' }).first().click();
    await open.page.getByText(/using Plex Relay \(slower\)/).waitFor();
    await open.page
      .getByRole('region', { name: 'Music on Living Room Server' })
      .getByText('Music')
      .first()
      .waitFor();
  });

  it("waits for Chrome's local network permission instead of giving up on local, and moves there once allowed", async () => {
    // Loopback ports counted as Chrome would count a public page and a LAN server.
    const spaces = [
      `127.0.0.1:${E2E_APP_PORT}=public`,
      `127.0.0.1:${E2E_FAKE_PORTS.plexTv}=public`,
      `127.0.0.1:${E2E_FAKE_PORTS.living.local}=private`,
      `127.0.0.1:${E2E_FAKE_PORTS.living.relay}=public`,
      `127.0.0.1:${E2E_FAKE_PORTS.living.remote}=public`,
      `127.0.0.1:${E2E_FAKE_PORTS.friend}=public`,
    ].join(',');
    // The app under a name of its own (as on github.io, not a private address), made secure.
    const app = `http://plexm8.test:${E2E_APP_PORT}`;
    const browser = await launchChromium({
      args: [
        ...CHROMIUM_ARGS.filter((a) => !a.startsWith('--host-resolver-rules')),
        '--host-resolver-rules=MAP plexm8.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
        `--unsafely-treat-insecure-origin-as-secure=${app}`,
        `--ip-address-space-overrides=${spaces}`,
      ],
    });
    try {
      const { context, problems } = await guardedContext(browser, DESKTOP);
      const page = await context.newPage();
      await page.goto(`${app}${E2E_BASE}`);
      await page.getByRole('button', { name: 'Sign in with Plex' }).click();
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByText('Road Trip').waitFor();
      await page.getByRole('link', { name: 'Servers' }).click();
      // Headless Chromium can't show the prompt: the permission reads "prompt" or "denied".
      await page
        .getByText(
          /^(Waiting for your browser's permission to reach Living Room Server on your local network; using Plex Relay \(slower\) meanwhile|Your browser blocks PlexM8 from your local network, so Living Room Server is reached over Plex Relay \(slower\))/,
        )
        .waitFor({ timeout: PROBE_TIMEOUT_MS * 2 });
      await screenshot(page, 'servers-local-permission-desktop');
      // The user allows it: PlexM8 hears of it and moves to the local connection by itself.
      await context.grantPermissions(['local-network-access'], { origin: app });
      await page.getByText('Connected on your local network.').waitFor({ timeout: 10_000 });

      // An unloading page's requests to the LAN are dropped here (docs/web-platform.md): when the
      // tab closes, Plex still hears "stopped", from the service worker.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.goto(`${app}${E2E_BASE}playlists/9001`);
      await page.getByRole('button', { name: /Play Departure Board/ }).click();
      const server = suite.fake.model.servers[0];
      if (!server) throw new Error('no server');
      await waitUntil(() => liveSessions(server).length === 1, 10_000);
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const before = suite.fake.requests.length;
      await page.close();
      // Only the worker can have said it: the closing page's own requests to the LAN are dropped.
      await waitUntil(() => liveSessions(server).length === 0, 10_000);
      const stopped = suite.fake.requests
        .slice(before)
        .filter((r) => r.path === '/:/timeline' && r.query.state === 'stopped');
      expect(stopped.map((r) => r.origin)).toEqual([local]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
