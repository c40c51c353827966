import { describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS } from '../../src/features/servers/probe-connection';
import { DESKTOP } from './browser';
import { e2eSuite, fakeOrigin, signInThroughPlex, waitForRequest } from './harness';
import { E2E_FAKE_PORTS } from './ports';

const suite = e2eSuite();
const local = fakeOrigin(E2E_FAKE_PORTS.living.local);
const relay = fakeOrigin(E2E_FAKE_PORTS.living.relay);
/** What PmsClient allows a request without a byte arriving (lib/plex/transport.ts). */
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * A connection that sends its headers and then stalls in the middle of the body (a dying Wi-Fi,
 * a proxy that gave up) is as dead as one that never answers: the timeout holds while the body
 * is read, and the app moves to another connection.
 */
describe('a connection whose answers stall halfway', () => {
  it('at start: a stalled /identity body costs one probe timeout, then the relay serves', async () => {
    suite.fake.faults.add({ kind: 'stall-body', origin: local, path: '/identity' });
    const { page } = await suite.open(DESKTOP);
    await signInThroughPlex(page);

    const resources = await waitForRequest(suite.fake, (r) => r.path === '/api/v2/resources');
    const firstRelayUse = await waitForRequest(
      suite.fake,
      (r) => r.origin === relay && r.path !== '/identity',
    );
    const elapsed = firstRelayUse.at - resources.at;
    // The local answered its headers at once: the relay still waited for it, but no longer than
    // the probe timeout (without a timeout on the body it would wait for ever).
    expect(elapsed).toBeGreaterThanOrEqual(PROBE_TIMEOUT_MS - 100);
    // Room for a busy machine, and still well short of a request's own 15 s timeout.
    expect(elapsed).toBeLessThan(PROBE_TIMEOUT_MS + 6000);
    await page.getByRole('link', { name: 'Servers' }).click();
    await page.getByText(/using Plex Relay \(slower\)/).waitFor();
  });

  it('mid-session: the chosen connection stalls, and the screen fills from the relay', async () => {
    const { page } = await suite.open(DESKTOP);
    await signInThroughPlex(page);
    await page.getByRole('link', { name: 'Servers' }).click();
    await page.getByText('Connected on your local network.').waitFor();
    await page.getByRole('link', { name: 'Playlists' }).click();

    suite.fake.faults.add({ kind: 'stall-body', origin: local });
    const asked = Date.now();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await waitForRequest(suite.fake, (r) => r.origin === local && r.path.startsWith('/playlists/'));
    // One request timeout to notice, one probe timeout to fail over, and a little for the rest.
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor({ timeout: REQUEST_TIMEOUT_MS + PROBE_TIMEOUT_MS + 6000 });
    const shownAfter = Date.now() - asked;
    expect(shownAfter).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 500);
    const fromRelay = suite.fake.requests.filter(
      (r) => r.origin === relay && r.path.startsWith('/playlists/'),
    );
    expect(fromRelay.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Servers' }).click();
    await page.getByText(/using Plex Relay \(slower\)/).waitFor();
  }, 90_000);
});
