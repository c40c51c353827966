import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { liveSessions } from '../fake-plex/pms-sessions';
import { DESKTOP } from './browser';
import { openRoadTrip } from './flows';
import { e2eSuite, signInThroughPlex, waitForRequest, waitUntil } from './harness';

/**
 * Plex's "Now Playing", as a real server keeps it: only for timelines that name an item of a
 * play queue this client made, with a session identifier; `stopped` or 3 minutes of silence
 * end it (docs/plex-api.md).
 */
const suite = e2eSuite();

const living = () => {
  const server = suite.fake.model.servers[0];
  if (!server) throw new Error('no demo server');
  return server;
};
const nowPlaying = () => liveSessions(living()).map((s) => `${s.trackKey} ${s.state}`);
const titleOf = (key: string) => living().library.tracks.find((t) => t.ratingKey === key)?.title;
const queueShown = (page: Page) => page.locator('.queue-list .queue-title').allTextContents();

describe("Plex's Now Playing", () => {
  it('shows the track while it plays, not after a skip, and not once the tab is closed', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await signInThroughPlex(page);
    // The service worker in control, as on any visit after the first.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.getByText('Road Trip').waitFor();

    await page.getByRole('link', { name: /Road Trip/ }).click();
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await waitUntil(() => nowPlaying().join() === '1002 playing', 10_000);
    // Plex's queue was made from the playlist itself, the tapped track selected.
    const made = await waitForRequest(suite.fake, (r) => r.path === '/playQueues');
    expect(made.query).toMatchObject({ playlistID: '9001', key: '/library/metadata/1002' });
    const session = liveSessions(living())[0];
    expect(session?.sessionId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: 'Next track' }).first().click();
    await waitUntil(() => nowPlaying().join() === '1004 playing', 10_000);
    // The skipped track was stopped, not left to linger as a ghost session.
    expect(
      suite.fake.requests.some(
        (r) =>
          r.path === '/:/timeline' && r.query.ratingKey === '1002' && r.query.state === 'stopped',
      ),
    ).toBe(true);

    // The page hands its last report to the service worker, which outlives it (Chromium drops an
    // unloading page's requests to a LAN address: servers.e2e.ts shows it under LNA).
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.close();
    await waitUntil(() => nowPlaying().length === 0, 10_000);
    const stopped = suite.fake.requests.filter(
      (r) =>
        r.path === '/:/timeline' && r.query.ratingKey === '1004' && r.query.state === 'stopped',
    );
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.query['X-Plex-Session-Identifier']).toBe(session?.sessionId);
  });

  it("keeps Plex's queue in the order of the local one as it is edited", async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await openRoadTrip(page);
    const from = suite.fake.requests.length;
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await waitUntil(() => nowPlaying().length === 1, 10_000);
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.getByRole('button', { name: 'Move Signal Failure up' }).click();
    await page.getByRole('button', { name: 'Remove Dawn Shift from the queue' }).click();
    await page.getByRole('button', { name: 'Move Departure Board down' }).click();
    // The rows on screen (the queue is virtualized: the first screenful), and how many in all.
    const shown = await queueShown(page);
    const count = Number(
      await page.getByRole('list', { name: 'Queue' }).getAttribute('data-count'),
    );
    const plexQueue = () => {
      const queues = [...living().playQueues.queues.values()];
      return queues.at(-1)?.items.map((i) => i.track.title) ?? [];
    };
    await waitUntil(
      () =>
        plexQueue().length === count &&
        plexQueue().slice(0, shown.length).join('|') === shown.join('|'),
      10_000,
    );
    expect(shown.slice(0, 3)).toEqual(['Signal Failure', 'Departure Board', 'Last Tram Home']);
    // One queue all along: each edit went to it, none made a new one.
    expect(suite.fake.requests.slice(from).filter((r) => r.path === '/playQueues')).toHaveLength(1);
    expect(titleOf(liveSessions(living())[0]?.trackKey ?? '')).toBe('Departure Board');

    // Signing out ends it too: no ghost session of a user who has gone.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitUntil(() => liveSessions(living()).length === 0, 10_000);
  });
});
