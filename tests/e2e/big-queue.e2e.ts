import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { e2eSuite, signInThroughPlex } from './harness';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/**
 * Tasks over 500 ms, counted from the tap that makes the queue: not a budget (the bench has the
 * 50 ms one), a bound that the 14 s freeze of a queue rendered whole breaks by far. It was 200 ms;
 * at a load of 8–10 on this 2-core machine, tasks the bench sees at 40–60 ms ran 240–280 ms (the
 * old code failed 2 runs of 3 that way), so 200 ms judged the machine, not the queue.
 */
const countFreezes = () => {
  const w = window as unknown as { __freezes: string[]; __freezesSince: number };
  w.__freezes = [];
  w.__freezesSince = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      // By when the task began: the observer hears of a task some time after it ran, so one
      // from the playlist's opening can be reported after the count was restarted.
      if (entry.duration > 500 && entry.startTime >= w.__freezesSince)
        w.__freezes.push(
          `${Math.round(entry.duration)} ms at ${Math.round(entry.startTime)}, counting from ${Math.round(w.__freezesSince)}`,
        );
  }).observe({ type: 'longtask', buffered: false });
};
const freezes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __freezes: string[] }).__freezes);

const queueList = (page: Page) => page.getByRole('list', { name: 'Queue' });
const row = (page: Page, place: number) => page.locator(`.queue-list [aria-posinset="${place}"]`);
const titleAt = (page: Page, place: number) =>
  row(page, place).locator('.queue-title').textContent();
/** The place in the queue of the row that has the focus. */
const focusedPlace = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('li')?.ariaPosInSet);
const shownTitle = (page: Page) => page.locator('.now-playing .np-title').textContent();

/** Signs in, opens the 20,000-track playlist whole, and plays its first track. */
async function playTheBigPlaylist(page: Page) {
  await signInThroughPlex(page);
  await page.getByRole('link', { name: /Everything × 20,000/ }).click();
  await page.locator('[aria-posinset="1"] .track-play').waitFor();
  await page.waitForFunction(() => !document.querySelector('.progress-note[role="status"]'), {
    timeout: 30_000,
  });
  // From here on: the queue's freezes (the playlist's own opening is the bench's and
  // collector.e2e's to judge).
  await page.evaluate(() => {
    const w = window as unknown as { __freezes: string[]; __freezesSince: number };
    w.__freezes = [];
    w.__freezesSince = performance.now();
  });
  await page.locator('[aria-posinset="1"] .track-play').click();
  await page.locator('.mini-player').waitFor();
  await page.getByRole('button', { name: /Open the player/ }).click();
  await queueList(page).waitFor();
}

/** Turns the wheel over the queue until its last entry shows. */
async function wheelToTheEnd(page: Page) {
  const box = await page.locator('.queue-scroller').boundingBox();
  if (!box) throw new Error('no queue on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 300 && !(await row(page, 20_000).isVisible()); i += 1) {
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(16);
  }
}

describe('a queue of 20,000 tracks', () => {
  it('shows a screenful of rows; reaches its end; moves, removes and plays from deep in it; comes back after a reload', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await page.addInitScript(countFreezes);
    await playTheBigPlaylist(page);

    expect(await queueList(page).getAttribute('data-count')).toBe('20000');
    expect(await row(page, 1).getAttribute('aria-setsize')).toBe('20000');
    await page.getByText('1 of 20,000').waitFor();
    expect(await page.locator('.queue-list li').count()).toBeLessThanOrEqual(150);

    await wheelToTheEnd(page);
    expect(await page.locator('.queue-list li').count()).toBeLessThanOrEqual(150);
    const last = await titleAt(page, 20_000);
    const beforeLast = await titleAt(page, 19_999);
    expect(last).not.toBe(beforeLast);

    // Move the last entry up one place: the two swap.
    await row(page, 20_000)
      .getByRole('button', { name: `Move ${last} up` })
      .click();
    await expect.poll(() => titleAt(page, 19_999)).toBe(last);
    expect(await titleAt(page, 20_000)).toBe(beforeLast);
    // Focus stays on the moved entry's button, and ↑ takes it to the row above.
    await expect.poll(() => focusedPlace(page)).toBe('19999');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => focusedPlace(page)).toBe('19998');
    await page.keyboard.press('End');
    await expect.poll(() => focusedPlace(page)).toBe('20000');

    // Remove the last one.
    await row(page, 20_000)
      .getByRole('button', { name: `Remove ${beforeLast} from the queue` })
      .click();
    await expect.poll(() => queueList(page).getAttribute('data-count')).toBe('19999');
    await page.getByText('1 of 19,999').waitFor();
    expect(await row(page, 19_999).getAttribute('aria-setsize')).toBe('19999');

    // Play from deep in the queue: that track plays.
    const deep = await titleAt(page, 19_990);
    const playing = await shownTitle(page);
    expect(deep).not.toBe(playing);
    await row(page, 19_990).locator('.queue-play').click();
    await page.waitForFunction(
      (t) => document.querySelector('.now-playing .np-title')?.textContent === t,
      deep,
    );
    await page.getByText('19,990 of 19,999').waitFor();
    await page
      .locator('.mini-player, .now-playing')
      .getByRole('button', { name: 'Pause' })
      .first()
      .waitFor();
    expect(await freezes(page)).toEqual([]);

    // Closed and opened again, the queue opens at the track playing.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Open the player/ }).click();
    const current = page.locator('.queue-list li[aria-current="true"]');
    await current.waitFor();
    expect(await current.locator('.queue-title').textContent()).toBe(deep);
    expect(await current.getAttribute('aria-posinset')).toBe('19990');
    await expect.poll(() => inViewOfTheQueue(page, current)).toBe(true);
    await screenshot(page, 'big-queue-desktop', false);

    // After a reload: the same queue, at the same track.
    await page.reload();
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.getByText('19,990 of 19,999').waitFor();
    expect(await shownTitle(page)).toBe(deep);
    expect(await queueList(page).getAttribute('data-count')).toBe('19999');
  });

  it('on a phone: the controls first, the queue below in a box that opens at the track playing', async () => {
    const open = await suite.open(PHONE);
    const { page } = open;
    await page.addInitScript(countFreezes);
    await playTheBigPlaylist(page);
    // A few tracks in, so the box has played tracks above the current one.
    for (let i = 0; i < 3; i += 1)
      await page.locator('.now-playing').getByRole('button', { name: 'Next track' }).click();
    await page.getByText('4 of 20,000').waitFor();
    await screenshot(page, 'big-queue-phone-controls', false);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Open the player/ }).click();
    await page.locator('.queue-view').scrollIntoViewIfNeeded();
    const current = page.locator('.queue-list li[aria-current="true"]');
    await expect.poll(() => inViewOfTheQueue(page, current)).toBe(true);
    expect(await current.getAttribute('aria-posinset')).toBe('4');
    expect(await page.locator('.queue-list li').count()).toBeLessThanOrEqual(150);
    await screenshot(page, 'big-queue-phone', false);
    expect(await freezes(page)).toEqual([]);
  });
});

/** Whether a row lies wholly inside the queue's scrolling box. */
async function inViewOfTheQueue(page: Page, target: ReturnType<Page['locator']>) {
  const [box, rowBox] = await Promise.all([
    page.locator('.queue-scroller').boundingBox(),
    target.boundingBox(),
  ]);
  return (
    !!box && !!rowBox && rowBox.y >= box.y - 1 && rowBox.y + rowBox.height <= box.y + box.height + 1
  );
}
