import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { openRoadTrip } from './flows';
import { e2eSuite, fakeOrigin, signInThroughPlex, waitUntil } from './harness';
import { E2E_APP_URL, E2E_FAKE_PORTS } from './ports';
import { screenshot } from './screenshots';

/**
 * The music transcoder as real servers speak it (docs/plex-api.md "Universal transcoder"): the
 * fake refuses a start without a decision, streams chunked with no length or ranges, restarts at
 * `offset`, and cuts an older stream of the same session.
 */
const suite = e2eSuite();

const living = () => {
  const server = suite.fake.model.servers[0];
  if (!server) throw new Error('no demo server');
  return server;
};
const trackByTitle = (title: string) => {
  const found = living().library.tracks.find((t) => t.title === title);
  if (!found) throw new Error(`no track ${title}`);
  return found;
};
/**
 * Every transcode session this test started has been stopped (a failure names those left open).
 * An earlier test's tab torn down with its context may leave its own: they don't count here.
 */
const sessionsBefore = () => new Set(living().transcoder.sessions.keys());
const noOpenTranscodes = async (before: Set<string>) => {
  const open = () =>
    living()
      .transcoder.open()
      .filter((s) => !before.has(s.id));
  await waitUntil(() => open().length === 0, 10_000).catch(() => undefined);
  expect(open().map((s) => `${s.trackId} at ${s.kbps} kbps, starts ${s.starts.join(',')}`)).toEqual(
    [],
  );
};
const requestsTo = (path: string) => suite.fake.requests.filter((r) => r.path === path);
const seekBarSeconds = (page: Page) =>
  page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value));
const waitForSeconds = (page: Page, atLeast: number, timeout = 10_000) =>
  page.waitForFunction(
    (s) => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value) >= s,
    atLeast,
    { timeout },
  );

describe('the music transcoder, as servers speak it', () => {
  it('plays an ALAC track through it: decision first, a seek restarts at the offset, the next track follows, every session stopped', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    const before = sessionsBefore();
    const alac = trackByTitle('Ferry to Somes');
    expect(alac.file.codec).toBe('alac');
    await openRoadTrip(page);
    await page.getByRole('button', { name: /Play Ferry to Somes/ }).click();
    await page.getByRole('button', { name: /Open the player/ }).click();
    await waitForSeconds(page, 1);
    await page.getByText('Converted by the server to 320 kbps MP3').waitFor();

    // Chromium can't play ALAC: the server converts it, decision first, for one session.
    const decision = requestsTo('/music/:/transcode/universal/decision').find(
      (r) => r.query.path === `/library/metadata/${alac.ratingKey}`,
    );
    expect(decision?.query).toMatchObject({
      protocol: 'http',
      directPlay: '0',
      musicBitrate: '320',
    });
    expect(decision?.query['X-Plex-Client-Profile-Extra']).toContain('type=musicProfile');
    const session = decision?.query.session ?? '';
    const starts = () =>
      requestsTo('/music/:/transcode/universal/start.mp3').filter(
        (r) => r.query.session === session,
      );
    expect(starts()[0]?.status).toBe(200);
    // The element's own length is useless for a stream: the bar shows the metadata's 0:08.
    expect(await page.getByRole('slider', { name: 'Seek' }).getAttribute('max')).toBe('8');

    // Seek to 5 s: the same session starts again at offset 5 and the bar carries on from there.
    const slider = page.getByRole('slider', { name: 'Seek' });
    await slider.focus();
    const from = await seekBarSeconds(page);
    for (let s = from; s < 5; s += 1) await page.keyboard.down('ArrowRight');
    await page.keyboard.up('ArrowRight');
    await waitUntil(() => starts().some((r) => r.query.offset === '5'), 10_000);
    await waitForSeconds(page, 6);
    expect(await player(page).getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Ferry to Somes',
    );

    // It ends, and Road Trip's next track (an MP3, played as it is) follows.
    await page.getByRole('heading', { level: 2, name: 'Breakwater' }).waitFor({ timeout: 10_000 });
    await waitForSeconds(page, 1);
    await noOpenTranscodes(before);
    const ended = living().transcoder.sessions.get(session);
    expect(ended?.stoppedAt).not.toBeNull();
    expect(ended?.starts).toEqual([0, 5]);
    await screenshot(page, 'now-playing-transcoded-desktop', false);
  });

  it('plays the hi-res FLAC over a 2 Mbps Plex Relay for 20 s without waiting over a second (Auto)', async () => {
    const local = fakeOrigin(E2E_FAKE_PORTS.living.local);
    const relay = fakeOrigin(E2E_FAKE_PORTS.living.relay);
    suite.fake.faults.add({ kind: 'hang', origin: local });
    suite.fake.faults.add({ kind: 'bandwidth', kbps: 2_000, origin: relay });
    const open = await suite.open(PHONE);
    const { page } = open;
    const hiRes = trackByTitle('Room Tone');
    expect(hiRes.file.bitrate).toBeGreaterThanOrEqual(1_500);
    await page.addInitScript(watchStalls);
    await signInThroughPlex(page);
    await page.goto(`${E2E_APP_URL}library/albums/${hiRes.albumKey}`);
    await page.getByRole('button', { name: /^Play Room Tone by/ }).click({ timeout: 15_000 });
    await page.waitForFunction(() => (window as unknown as StallWatch).__played >= 20, undefined, {
      timeout: 40_000,
    });
    const watch = await page.evaluate(() => (window as unknown as StallWatch).__longestWaitMs);
    expect(watch).toBeLessThan(1_000);
    // Auto fitted the relay: the server converted it (192 kbps), the FLAC itself never came.
    expect(
      requestsTo('/music/:/transcode/universal/start.mp3').some(
        (r) => r.origin === relay && r.query.musicBitrate === '192',
      ),
    ).toBe(true);
    expect(
      suite.fake.requests.some((r) => r.path.startsWith(`/library/parts/${hiRes.partId}/`)),
    ).toBe(false);
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.getByText('Converted by the server to 192 kbps MP3').waitFor();
    await page.getByRole('combobox', { name: 'Stream quality' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'quality-auto-relay-phone', false);
  });

  it('lets an explicit quality win: 128 kbps converts, "Original" plays the file', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    const before = sessionsBefore();
    const hiRes = trackByTitle('Room Tone');
    await signInThroughPlex(page);
    await page.goto(`${E2E_APP_URL}library/albums/${hiRes.albumKey}`);
    await page.getByRole('button', { name: /^Play Room Tone by/ }).click();
    await page.getByRole('button', { name: /Open the player/ }).click();
    await waitForSeconds(page, 3);
    // On the local network Auto plays the original.
    await page.getByText('Playing the original file').waitFor();
    await page.getByRole('combobox', { name: 'Stream quality' }).selectOption('128');
    await page.getByText('Converted by the server to 128 kbps MP3').waitFor();
    await waitUntil(
      () =>
        requestsTo('/music/:/transcode/universal/start.mp3').some(
          (r) =>
            r.query.path === `/library/metadata/${hiRes.ratingKey}` &&
            r.query.musicBitrate === '128',
        ),
      10_000,
    );
    // Reloaded where it was: the new stream starts at an offset, not from the top.
    const restart = requestsTo('/music/:/transcode/universal/start.mp3')
      .filter((r) => r.query.path === `/library/metadata/${hiRes.ratingKey}`)
      .at(-1);
    expect(Number(restart?.query.offset)).toBeGreaterThanOrEqual(1);
    // At 1280×800 every control and the stream note fit without scrolling.
    expect(await page.getByText('Converted by the server to 128 kbps MP3').isVisible()).toBe(true);
    const note = await page.getByText('Converted by the server to 128 kbps MP3').boundingBox();
    expect((note?.y ?? Infinity) + (note?.height ?? 0)).toBeLessThanOrEqual(
      DESKTOP.viewport.height,
    );
    await screenshot(page, 'quality-setting-desktop', false);
    await page.getByRole('combobox', { name: 'Stream quality' }).selectOption('original');
    await page.getByText('Playing the original file').waitFor();
    await noOpenTranscodes(before);
  });
});

const player = (page: Page) => page.getByRole('dialog', { name: 'Now playing' });

interface StallWatch {
  __played: number;
  __longestWaitMs: number;
}

/**
 * Installed before the app: how long the playing track ever stood still while it should play
 * (from its first sound, so the start-up isn't counted), and how many seconds it has played.
 * howler's elements are never in the document: they are caught as they are played.
 */
function watchStalls() {
  const w = window as unknown as StallWatch;
  w.__played = 0;
  w.__longestWaitMs = 0;
  const elements: HTMLMediaElement[] = [];
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function watched(this: HTMLMediaElement) {
    if (!elements.includes(this)) elements.push(this);
    return play.call(this);
  };
  let last: { element: HTMLMediaElement | null; time: number; at: number } = {
    element: null,
    time: -1,
    at: 0,
  };
  const tick = () => {
    // howler's own silent unlock clips (data: URIs) don't count.
    const playing =
      elements.find((e) => !e.paused && !e.ended && /^(https?|blob):/.test(e.src)) ?? null;
    const now = performance.now();
    if (playing) {
      if (playing !== last.element || playing.currentTime < last.time) {
        last = { element: playing, time: playing.currentTime, at: now };
      } else if (playing.currentTime > last.time) {
        if (last.time > 0 || playing.currentTime < 1) w.__played += playing.currentTime - last.time;
        last = { element: playing, time: playing.currentTime, at: now };
      } else if (last.time > 0) {
        w.__longestWaitMs = Math.max(w.__longestWaitMs, now - last.at);
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
