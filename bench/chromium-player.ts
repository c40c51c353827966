import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from '../tests/e2e/browser';
import { openPage, startE2E, type E2E } from '../tests/e2e/harness';
import { E2E_APP_URL, E2E_FAKE_PORTS } from '../tests/e2e/ports';
import { figure, median, type Figure } from './stats';
import { NAME_SHIM } from './page-probes';

/**
 * Watches every media element (howler's are not in the DOM): when each started to sound, and
 * when each ended. Installed before the app's scripts.
 *
 * Start = the first frame that sees currentTime > 0, minus currentTime: when the element began
 * to play by its own clock. Without that correction every start is late by up to a frame
 * (16.7 ms), which is most of what is being measured. The bare floor is measured the same way.
 */
export const watchAudio = () => {
  type Watched = HTMLMediaElement & {
    __watched?: boolean;
    __started?: boolean;
    __polling?: boolean;
  };
  const w = window as unknown as {
    __starts: number[];
    __ends: number[];
    __srcs: string[];
    __clickAt?: number;
  };
  w.__starts = [];
  w.__ends = [];
  w.__srcs = [];
  // The tap starts when the button goes down (the app may start work then, so the clock does too).
  document.addEventListener('pointerdown', (e) => (w.__clickAt = e.timeStamp), { capture: true });
  document.addEventListener('touchstart', (e) => (w.__clickAt = e.timeStamp), { capture: true });
  // Polled every frame, as for the bare element: timeupdate fires only every ~250 ms.
  const watch = (el: Watched) => {
    if (el.__polling) return;
    el.__polling = true;
    const poll = () => {
      if (el.__started || el.paused || el.ended) {
        el.__polling = false;
        return;
      }
      if (el.currentTime > 0) {
        el.__started = true;
        el.__polling = false;
        w.__starts.push(performance.now() - el.currentTime * 1000);
        w.__srcs.push(el.src);
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function patched(this: Watched) {
    // Only real tracks: howler also plays silent pooled elements to unlock audio.
    // Files and transcoded streams alike (Road Trip holds ALAC tracks, which the server converts).
    if (this.src.includes('/library/parts/') || this.src.includes('/transcode/universal/start')) {
      // One start per load of the element: a second play() of the same load (the app's early
      // start, then howler's own) or a resume after a pause is not a track starting. A new load
      // (howler reuses pooled elements, even for the same file) begins with `loadstart`.
      if (!this.__watched) {
        this.__watched = true;
        this.addEventListener('loadstart', () => {
          this.__started = false;
          watch(this);
        });
        this.addEventListener('ended', () => w.__ends.push(performance.now()));
      }
      const result = play.call(this);
      watch(this);
      return result;
    }
    return play.call(this);
  };
};

async function signIn(page: Page) {
  await page.context().addInitScript({ content: NAME_SHIM });
  await page.addInitScript(watchAudio);
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('link', { name: /Road Trip/ }).click();
  await page
    .getByRole('list', { name: 'Tracks in Road Trip' })
    .getByText('Departure Board')
    .waitFor();
}

/** A bare element playing `src`: from play() to sound, measured as watchAudio measures. */
const bareAudio = async (src: string) => {
  const audio = new Audio(src);
  const start = performance.now();
  await audio.play();
  const startedAt = await new Promise<number>((resolve) => {
    const check = () =>
      audio.currentTime > 0
        ? resolve(performance.now() - audio.currentTime * 1000)
        : requestAnimationFrame(check);
    check();
  });
  audio.pause();
  audio.removeAttribute('src');
  audio.load();
  return startedAt - start;
};

type Pointer = 'mouse' | 'touch';

/**
 * Tap-to-play against its floor, in one page: the same tap on a bare button that does
 * `new Audio(url).play()` of the very URL the app streamed (and, for reference, that call from a
 * script with no tap at all). All start from the same state: the browser's audio output already opened
 * (a short warm-up sound first, as any second track would find it), the connection to the
 * server open, and the HTTP cache off so the bytes come from the server each time. A mouse
 * click on the desktop (PlexM8 starts fetching on its press), a finger's tap on a phone (it
 * doesn't: a touch often starts a scroll).
 */
async function tapToPlay(
  e2e: E2E,
  pointer: Pointer,
): Promise<{ app: number; bareTap: number; bare: number }> {
  const o = await openPage(e2e, pointer === 'touch' ? PHONE : DESKTOP);
  const { page } = o;
  await signIn(page);
  const cdp = await o.context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const server = e2e.fake.model.servers[0];
  const warmUp = `http://127.0.0.1:${E2E_FAKE_PORTS.living.local}/library/parts/5020/1732000000/file.mp3?X-Plex-Token=${server?.accessToken ?? ''}`;
  await page.evaluate(bareAudio, warmUp);
  await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __srcs: string[]; __ends: number[] };
    w.__starts = [];
    w.__srcs = [];
    w.__ends = [];
  });
  const track = page.getByRole('button', { name: /Play Signal Failure/ });
  await (pointer === 'touch' ? track.tap() : track.click());
  await page.waitForFunction(
    () => (window as unknown as { __starts: number[] }).__starts.length > 0,
  );
  const { app, src } = await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __srcs: string[]; __clickAt: number };
    return { app: (w.__starts[0] ?? 0) - w.__clickAt, src: w.__srcs[0] ?? '' };
  });
  await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
  const bareTap = await tapBareButton(page, src, pointer);
  const bare = await page.evaluate(bareAudio, src);
  await o.context.close();
  return { app, bareTap, bare };
}

/** A bare button that plays `url` with nothing else in its click handler (the floor's tap). */
export const addBareButton = (url: string) => {
  const w = window as unknown as { __bare?: HTMLAudioElement };
  const button = document.createElement('button');
  button.id = 'bare-play';
  button.textContent = 'Bare play';
  button.style.cssText = 'position:fixed;top:8px;left:8px;z-index:99999;padding:12px';
  button.addEventListener('click', () => {
    w.__bare = new Audio(url);
    void w.__bare.play();
  });
  document.body.append(button);
};

/**
 * The floor for a tap: the same tap, by the same mouse, on a plain button whose click handler
 * does nothing but `new Audio(url).play()`, timed exactly as the app's tap is (from its
 * pointerdown to the element's own start). What any page pays between a tap and sound.
 */
async function tapBareButton(page: Page, src: string, pointer: Pointer): Promise<number> {
  await page.evaluate(() => ((window as unknown as { __starts: number[] }).__starts = []));
  await page.evaluate(addBareButton, src);
  await (pointer === 'touch' ? page.tap('#bare-play') : page.click('#bare-play'));
  await page.waitForFunction(
    () => (window as unknown as { __starts: number[] }).__starts.length > 0,
  );
  return page.evaluate(() => {
    const w = window as unknown as {
      __starts: number[];
      __clickAt: number;
      __bare?: HTMLAudioElement;
    };
    w.__bare?.pause();
    document.getElementById('bare-play')?.remove();
    return (w.__starts[0] ?? 0) - w.__clickAt;
  });
}

/** Natural hand-overs: each 8-second track plays to its end and the next one takes over. */
async function handOverGaps(e2e: E2E, count: number): Promise<number[]> {
  const o = await openPage(e2e, DESKTOP);
  const { page } = o;
  await signIn(page);
  await page.getByRole('button', { name: /Play Departure Board/ }).click();
  await page.waitForFunction(
    (n) => (window as unknown as { __starts: number[] }).__starts.length > n,
    count,
    {
      timeout: (count + 2) * 12_000,
      polling: 250,
    },
  );
  const { starts, ends } = await page.evaluate(() => {
    const w = window as unknown as { __starts: number[]; __ends: number[] };
    return { starts: w.__starts, ends: w.__ends };
  });
  await o.context.close();
  // Hand-over k: track k ended, track k+1 played.
  return ends.slice(0, count).map((end, k) => (starts[k + 1] ?? Number.NaN) - end);
}

type Tap = { app: number; bareTap: number; bare: number };

/** The tap figures for one kind of pointer: the app, its floor, their ratio. */
function tapFigures(taps: Tap[], how: string): Figure[] {
  const ratio = median(taps.map((t) => t.app)) / median(taps.map((t) => t.bareTap));
  return [
    figure(
      `tap → audio playing (currentTime > 0), ${how}`,
      'ms',
      taps.map((t) => t.app),
      '≤ 150 ms',
      (m) => m <= 150,
    ),
    figure(
      `the same tap on a bare button doing new Audio(url).play() (floor), ${how}`,
      'ms',
      taps.map((t) => t.bareTap),
      'report',
      () => true,
    ),
    figure(`tap-to-play ÷ floor, ${how}`, '×', [ratio], '≤ 1.3×', (m) => m <= 1.3),
  ];
}

/** Tap-to-play against the bare-audio floor (mouse and touch), and the gap between tracks. */
export async function benchPlayer(runs = 31): Promise<Figure[]> {
  const e2e = await startE2E();
  try {
    const mouse: Tap[] = [];
    const touch: Tap[] = [];
    for (let i = 0; i < runs; i += 1) {
      mouse.push(await tapToPlay(e2e, 'mouse'));
      touch.push(await tapToPlay(e2e, 'touch'));
    }
    const gaps = await handOverGaps(e2e, 10);
    return [
      ...tapFigures(mouse, 'mouse (desktop)'),
      ...tapFigures(touch, 'touch (phone)'),
      figure(
        'new Audio(url).play() from a script, no tap → playing',
        'ms',
        [...mouse, ...touch].map((t) => t.bare),
        'report',
        () => true,
      ),
      // Either way: a next track heard before the last one ended overlaps it.
      figure(
        'gap between tracks (end → next playing)',
        'ms',
        gaps,
        'within ±25 ms',
        (m) => Math.abs(m) <= 25,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}
