import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS } from '../../src/features/servers/probe-connection';
import { DESKTOP, PHONE } from './browser';
import { fakeOrigin, openPage, startE2E, type E2E, type OpenPage } from './harness';
import { E2E_APP_URL, E2E_FAKE_PORTS } from './ports';
import { screenshot } from './screenshots';

let e2e: E2E;
let open: OpenPage | null = null;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e.stop();
});
afterEach(async () => {
  e2e.fake.faults.clear();
  if (open) {
    expect(open.problems).toEqual([]);
    expect(open.offLoopback).toEqual([]);
    await open.context.close();
  }
  open = null;
});

async function signIn(o: OpenPage) {
  await o.page.goto(E2E_APP_URL);
  await o.page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await o.page.getByRole('button', { name: 'Approve' }).click();
  await o.page.waitForURL(`${E2E_APP_URL}playlists`);
  await o.page.getByRole('link', { name: 'Servers' }).click();
}

const local = fakeOrigin(E2E_FAKE_PORTS.living.local);
const relay = fakeOrigin(E2E_FAKE_PORTS.living.relay);
const remote = fakeOrigin(E2E_FAKE_PORTS.living.remote);
const friend = fakeOrigin(E2E_FAKE_PORTS.friend);

describe('choosing a connection in Chromium', () => {
  it('with a hanging local and a hanging friend, chooses the relay within one probe timeout', async () => {
    e2e.fake.faults.add({ kind: 'hang', origin: local });
    e2e.fake.faults.add({ kind: 'hang', origin: friend });
    e2e.fake.faults.add({ kind: 'hang', origin: remote });
    open = await openPage(e2e, DESKTOP);
    await signIn(open);
    await open.page
      .getByText(
        "Can't reach Living Room Server over your local network; using Plex Relay (slower).",
      )
      .waitFor({ timeout: PROBE_TIMEOUT_MS * 2 });

    const resources = e2e.fake.requests.find((r) => r.path === '/api/v2/resources');
    const firstRelayUse = e2e.fake.requests.find(
      (r) => r.origin === relay && r.path === '/library/sections',
    );
    expect(resources && firstRelayUse).toBeTruthy();
    const elapsed = (firstRelayUse?.at ?? 0) - (resources?.at ?? 0);
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
    await screenshot(open.page, 'servers-relay-desktop');
  });

  it('starts on the remembered connection at once, then moves up to local when it answers', async () => {
    open = await openPage(e2e, PHONE);
    e2e.fake.faults.add({ kind: 'drop', origin: local });
    await signIn(open);
    await open.page.getByText(/using Plex Relay/).waitFor();

    // Back home: local answers again, but slowly. The remembered relay must not wait for it.
    e2e.fake.faults.clear();
    e2e.fake.faults.add({ kind: 'latency', ms: 1500, origin: local, path: '/identity' });
    await open.page.reload();
    // The remembered relay wins before the slow local (1.5 s) answers…
    await open.page.getByText('Connected through Plex Relay (slower).').waitFor({ timeout: 1400 });
    await screenshot(open.page, 'servers-relay-phone');
    // …and the background probe then moves up to local.
    await open.page.getByText('Connected on your local network.').waitFor({ timeout: 5000 });
  });

  it('fails over to another connection when the chosen one dies, without a reload', async () => {
    open = await openPage(e2e, DESKTOP);
    await signIn(open);
    await open.page.getByText('Connected on your local network.').waitFor();
    e2e.fake.faults.add({ kind: 'drop', origin: local });
    await open.page.getByRole('button', { name: 'Test connection' }).first().click();
    await open.page.getByText(/using Plex Relay \(slower\)/).waitFor();
    await open.page
      .getByRole('region', { name: 'Music on Living Room Server' })
      .getByText('Music')
      .first()
      .waitFor();
  });
});
