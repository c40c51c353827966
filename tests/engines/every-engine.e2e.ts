import { describe, expect, it } from 'vitest';
import { waitForRequest } from '../e2e/harness';
import { E2E_APP_URL, E2E_FAKE_PORTS } from '../e2e/ports';
import { DESKTOP_SIZE, PHONE_SIZE, poll } from './driver';
import { ENGINES } from './engines';
import { clockStill, currentTitle, openRoadTrip, playingPast, shownSeconds, signIn } from './flows';
import { engineSuite } from './suite';

const local = `http://127.0.0.1:${E2E_FAKE_PORTS.living.local}`;
const nowPlaying = '[aria-label="Now playing"]';

/** The core of PlexM8, written once and run in Chromium, Firefox and Safari's engine. */
// Each flow has several waits of up to 15–30 s for a slow machine: room for them all.
describe.each(ENGINES)('in %s', { timeout: 180_000 }, (engine) => {
  const suite = engineSuite(engine);

  it('signs in through plex.tv and back, picks the local connection, and browses', async () => {
    const page = await suite.open(PHONE_SIZE);
    await signIn(page);
    expect(await page.url()).toBe(`${E2E_APP_URL}playlists`);
    // Local first: the library is read from the server's local address.
    await waitForRequest(
      suite.servers.fake,
      (r) => r.origin === local && r.path === '/playlists' && r.query.playlistType === 'audio',
    );
    await suite.shot(page, 'playlists-phone');

    await openRoadTrip(page);
    await suite.shot(page, 'playlist-phone');

    await page.goto(`${E2E_APP_URL}library`);
    await page.click({ role: 'link', name: '坂本 ユキ', exact: true });
    await page.waitFor({ role: 'heading', name: '坂本 ユキ', exact: true });
    await page.click({ role: 'link', name: /雪の記憶/ });
    await page.waitFor({ name: '初雪', within: '[aria-label="Tracks on 雪の記憶"]' });
    await suite.shot(page, 'album-phone');

    await page.click({ role: 'link', name: 'Search', exact: true });
    await page.fill({ role: 'searchbox', name: 'Search your music' }, 'light');
    await page.waitFor({ role: 'heading', name: 'Tracks', exact: true });
    await page.waitFor({ name: 'Streetlights' });
    await suite.shot(page, 'search-phone');
  });

  it('plays a track, pauses, seeks to the end into the next, skips, resumes after a reload, and has ALAC converted', async () => {
    const page = await suite.open(DESKTOP_SIZE);
    await signIn(page);
    await openRoadTrip(page);
    await page.click({ role: 'button', name: /Play Departure Board/ });
    await playingPast(page, 'Departure Board', 1);
    // Plex hears what plays, from this engine too.
    await waitForRequest(
      suite.servers.fake,
      (r) =>
        r.path === '/:/timeline' && r.query.state === 'playing' && r.query.ratingKey === '1002',
    );

    await page.click({ role: 'button', name: /Open the player/ });
    await page.waitFor({ role: 'heading', name: 'Departure Board', within: nowPlaying });
    await page.click({ role: 'button', name: 'Pause', exact: true, within: nowPlaying });
    await page.waitFor({ role: 'button', name: 'Play', exact: true, within: nowPlaying });
    expect(await clockStill(page)).toBe(true);
    await page.click({ role: 'button', name: 'Play', exact: true, within: nowPlaying });
    await playingPast(page, 'Departure Board', 3);
    await suite.shot(page, 'now-playing-desktop');

    // To the end by keyboard: the track ends and the next (FLAC) starts by itself.
    await page.press({ role: 'slider', name: 'Seek' }, 'End');
    await page.waitFor({ role: 'heading', name: 'Last Tram Home', within: nowPlaying }, 15_000);
    await playingPast(page, 'Last Tram Home', 2);

    await page.click({ role: 'button', name: 'Next track', within: nowPlaying });
    const third = await poll(
      'the third track',
      async () => {
        const title = await currentTitle(page);
        return title && title !== 'Last Tram Home' ? title : null;
      },
      10_000,
    );
    await playingPast(page, third, 2);
    await page.click({ role: 'button', name: 'Pause', exact: true, within: nowPlaying });
    const at = await shownSeconds(page);

    await page.reload();
    await page.click({ role: 'button', name: /Open the player/ });
    await page.waitFor({ role: 'heading', name: third, within: nowPlaying });
    await poll(
      'the position back',
      async () => Math.abs((await shownSeconds(page)) - at) <= 1,
      10_000,
    );
    await page.click({ role: 'button', name: 'Play', exact: true, within: nowPlaying });
    await playingPast(page, third, at + 1);

    // ALAC: this engine says it can't play it (canPlayType ""), so Plex's transcoder converts it.
    await page.click({ role: 'button', name: 'Close the player' });
    await page.click({ role: 'button', name: /Play Ferry to Somes/ });
    await waitForRequest(
      suite.servers.fake,
      (r) => r.path === '/music/:/transcode/universal/start.mp3',
    );
    await playingPast(page, 'Ferry to Somes', 2);
  });

  // WebKitGTK here leaves about one first install in three "installing" for good (a reload or
  // update() doesn't move it; a fresh session does): an engine fault, retried in a fresh session
  // and listed in docs/web-platform.md. Chromium and Firefox get no retry.
  const retry = engine === 'webkit' ? 3 : 0;
  it(
    'is controlled by its service worker, plays a downloaded playlist offline, and offers an update',
    { retry },
    async () => {
      const page = await suite.open(DESKTOP_SIZE);
      await signIn(page);
      // A first install is not an update: once it has settled (active, nothing installing or
      // waiting), nothing may be offered on the first visit.
      await poll(
        'the first install to settle',
        () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            return Boolean(
              registration?.active && !registration.installing && !registration.waiting,
            );
          }),
        20_000,
      );
      await page.waitFor({ role: 'link', name: /Road Trip/ });
      expect(await page.evaluate(() => document.body.innerText.includes('A new version'))).toBe(
        false,
      );
      await page.reload();
      await page.waitFor({ role: 'link', name: /Road Trip/ });
      expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
        `${E2E_APP_URL}sw.js`,
      );

      await openRoadTrip(page);
      const count = suite.servers.fake.model.servers[0]?.library.playlists.find(
        (p) => p.title === 'Road Trip',
      )?.size;
      await page.click({ role: 'button', name: 'Download Road Trip for offline play' });
      await page.click({ role: 'link', name: 'Downloads', exact: true });
      await page.waitFor({ name: `${count} of ${count} tracks downloaded` }, 30_000);
      // What they take, from PlexM8's own count: also where the browser can't estimate storage.
      await page.waitFor({ name: /Downloads take \d+(\.\d)? MB on this device/ });
      await suite.shot(page, 'downloads-desktop');

      suite.servers.setOffline(true);
      await page.reload();
      await page.waitFor({ name: /You're offline/ }, 15_000);
      await page.click({ role: 'link', name: 'Playlists', exact: true });
      await openRoadTrip(page);
      const heardBefore = suite.servers.fake.requests.length;
      await page.click({ role: 'button', name: /Play Departure Board/ });
      await playingPast(page, 'Departure Board', 2);
      await suite.shot(page, 'offline-playing-desktop');
      // From the device: nothing reached a server (the fake logs even the connections it drops).
      expect(
        suite.servers.fake.requests.slice(heardBefore).filter((r) => r.path.includes('/parts/')),
      ).toEqual([]);

      suite.servers.setOffline(false);
      suite.servers.bumpServiceWorker();
      await page.evaluate(
        async () => void (await navigator.serviceWorker.getRegistration())?.update(),
      );
      await page.waitFor({ name: 'A new version of PlexM8 is ready.' }, 15_000);
      await suite.shot(page, 'update-offer-desktop');
    },
  );
});
