import { E2E_APP_URL } from '../e2e/ports';
import { poll, type EnginePage } from './driver';

/** Signs in through the fake app.plex.tv page and lands on the playlists. */
export async function signIn(page: EnginePage): Promise<void> {
  await page.goto(E2E_APP_URL);
  await page.click({ role: 'button', name: 'Sign in with Plex' });
  await page.click({ role: 'button', name: 'Approve' }, 15_000);
  await page.waitFor({ role: 'heading', name: 'Playlists', exact: true }, 15_000);
  await page.waitFor({ role: 'link', name: /Road Trip/ });
}

export const openRoadTrip = async (page: EnginePage) => {
  await page.click({ role: 'link', name: /Road Trip/ });
  await page.waitFor({ name: 'Departure Board', within: '[aria-label="Tracks in Road Trip"]' });
};

/** The track the player shows: the mini player's, or Now Playing's while that covers it. */
export const currentTitle = (page: EnginePage) =>
  page.evaluate(
    () =>
      document.querySelector('.mini-title')?.textContent ??
      document.querySelector('[aria-label="Now playing"] h2')?.textContent ??
      '',
  );

/** Seconds shown by the Now Playing seek bar. */
export const shownSeconds = (page: EnginePage) =>
  page.evaluate(() => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value));

/** Waits until `title` is playing and its clock has passed `seconds`: sound, not a label. */
export async function playingPast(page: EnginePage, title: string, seconds: number) {
  await poll(
    `"${title}" to play past ${seconds} s`,
    async () => {
      if ((await currentTitle(page)) !== title) return false;
      const now = await page.evaluate(() => ({
        seconds: Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value ?? NaN),
        percent: Number.parseFloat(
          document.querySelector<HTMLElement>('.mini-progress span')?.style.width ?? '0',
        ),
      }));
      // The seek bar is on screen while Now Playing is open; the mini player's bar otherwise
      // (demo tracks are 8 s long).
      const at = Number.isFinite(now.seconds) ? now.seconds : (now.percent / 100) * 8;
      return at >= seconds;
    },
    15_000,
  );
}

/**
 * Whether Now Playing's clock comes to a stand (paused really paused): some whole second within
 * five in which it doesn't move. The last position can land a moment after the Play button
 * shows; a playing clock moves every second, so it never stands for one.
 */
export async function clockStill(page: EnginePage): Promise<boolean> {
  const until = Date.now() + 5_000;
  let before = await shownSeconds(page);
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const now = await shownSeconds(page);
    if (now === before) return true;
    before = now;
  }
  return false;
}
