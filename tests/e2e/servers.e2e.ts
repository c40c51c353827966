import { describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS } from '../../src/features/servers/probe-connection';
import { DESKTOP, PHONE } from './browser';
import { e2eSuite, fakeOrigin, signInThroughPlex, waitForRequest, type OpenPage } from './harness';
import { E2E_FAKE_PORTS } from './ports';
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
});
