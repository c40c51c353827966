import { beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { e2eSuite } from './harness';
import { openRoadTrip } from './flows';
import { dumpAllStorage } from './idb-dump';
import { E2E_APP_URL } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/** What the page tells the lock screen: 'playing' while its music plays (media-session.ts). */
const lockScreen = () => navigator.mediaSession.playbackState;

describe('signing out with two tabs open', () => {
  it('signs out the other tab too: its music stops and nothing it held comes back', async () => {
    const open = await suite.open(DESKTOP);
    const first = open.page;
    await openRoadTrip(first);
    const second = await open.context.newPage();
    await second.goto(`${E2E_APP_URL}playlists/9001`);
    await second.getByRole('button', { name: /Play Signal Failure/ }).click();
    await second.getByRole('button', { name: 'Pause', exact: true }).first().waitFor();
    await second.waitForFunction(() => navigator.mediaSession.playbackState === 'playing');
    // The playing tab's queue and position are on disk, as they should be while signed in.
    await second.waitForFunction(() =>
      document.querySelector('.mini-player')?.textContent?.includes('Signal Failure'),
    );
    await expect
      .poll(() => dumpAllStorage(second), { timeout: 10_000 })
      .toContain('Signal Failure');

    await first.getByRole('button', { name: 'Sign out' }).click();
    await first.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    // The other tab: signed out, silent, on the sign-in screen.
    await second.getByRole('button', { name: 'Sign in with Plex' }).waitFor({ timeout: 20_000 });
    expect(await second.evaluate(lockScreen)).not.toBe('playing');
    await screenshot(second, 'signed-out-in-another-tab-desktop');

    // Nothing of the account on disk, however long the second tab had been writing.
    await second.waitForTimeout(1500);
    const stored = await dumpAllStorage(second);
    expect(stored.includes('Signal Failure')).toBe(false);
    expect(stored.includes('Road Trip')).toBe(false);
    expect(stored.includes(suite.fake.model.user.token)).toBe(false);
    for (const server of suite.fake.model.servers)
      expect(stored.includes(server.accessToken)).toBe(false);
    await second.close();
  });
});

describe('signing out removes this browser from the Plex account', () => {
  // Each test's browser is a new device: start from an account with none.
  beforeEach(() => {
    suite.fake.model.devices.clear();
    suite.fake.model.refuseDeviceRemoval = false;
  });
  it('deletes the device plex.tv lists for this browser', async () => {
    const { page } = await suite.open(DESKTOP);
    await openRoadTrip(page);
    expect(suite.fake.model.devices.size).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    await expect.poll(() => suite.fake.model.devices.size).toBe(0);
    expect(await page.getByText('still on your Plex account').count()).toBe(0);
  });

  it('says where to remove it by hand when plex.tv refuses the browser', async () => {
    const { page } = await suite.open(PHONE);
    await openRoadTrip(page);
    suite.fake.model.refuseDeviceRemoval = true;
    await page.getByRole('button', { name: 'Sign out' }).click();
    const notice = page.getByText('This browser is still on your Plex account');
    await notice.waitFor();
    const link = page.getByRole('link', { name: 'Authorized Devices' });
    expect(await link.getAttribute('href')).toBe(
      'https://app.plex.tv/desktop/#!/settings/devices/all',
    );
    expect(suite.fake.model.devices.size).toBe(1);
    await screenshot(page, 'device-left-on-account-phone');
  });
});
