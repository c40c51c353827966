import type { Page } from 'playwright-core';
import setupE2EBuild from '../tests/e2e/global-setup';
import { PHONE } from '../tests/e2e/browser';
import { openPage, startE2E, type E2E } from '../tests/e2e/harness';
import { E2E_APP_URL } from '../tests/e2e/ports';
import { figure, type Figure } from './stats';
import { NAME_SHIM } from './page-probes';

/** Long tasks with their start time, and named marks: each task is counted in its phase. */
const observeLongTasks = () => {
  const w = window as unknown as {
    __tasks: Array<{ at: number; ms: number }>;
    __marks: Array<{ name: string; at: number }>;
  };
  w.__tasks = [];
  w.__marks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      w.__tasks.push({ at: entry.startTime, ms: entry.duration });
  }).observe({ type: 'longtask', buffered: false });
};

const mark = (page: Page, name: string) =>
  page.evaluate((n) => {
    const w = window as unknown as { __marks: Array<{ name: string; at: number }> };
    w.__marks.push({ name: n, at: performance.now() });
  }, name);

/**
 * The queue scrolled to its end with the wheel, as a person would: its own box since decision
 * 018 (brought into view first: on a phone it is below the controls), the whole sheet before.
 */
async function scrollQueueToEnd(page: Page) {
  const box = page.locator('.queue-scroller');
  const scroller = (await box.count()) ? '.queue-scroller' : '.now-playing';
  if (scroller === '.queue-scroller') {
    await box.scrollIntoViewIfNeeded();
    const at = await box.boundingBox();
    if (!at) throw new Error('the queue is not on screen');
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  } else await page.mouse.move(200, 500);
  for (let i = 0; i < 400; i += 1) {
    await page.mouse.wheel(0, 20_000);
    await page.waitForTimeout(16);
    const atEnd = await page.evaluate((selector) => {
      const element = document.querySelector(selector);
      return !!element && element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
    }, scroller);
    if (atEnd) return;
  }
  throw new Error('the queue never reached its end');
}

const shownTitle = (page: Page) => page.locator('.now-playing .np-title').textContent();
/** Waits until the full player shows another title than `was`. */
const titleChanges = (page: Page, was: string | null) =>
  page.waitForFunction(
    (w) => document.querySelector('.now-playing .np-title')?.textContent !== w,
    was,
    { timeout: 120_000 },
  );
const lastRow = (page: Page) => page.locator('.queue-list li').last();

interface QueueRun {
  /** Longest task per phase (0: none over 50 ms). */
  longest: Record<string, number>;
  over50: number;
  rowsMounted: number;
  /** The longest task of a reload with the queue stored, from navigation to a second after. */
  reloadLongest: number;
}

/**
 * A person with a 20,000-track queue: taps a track of the 20,000-track playlist, opens the full
 * player, scrolls the queue to its end, moves and removes an entry there, skips a track, plays
 * one from the end of the queue, and queues one to play next from the playlist.
 */
async function bigQueue(e2e: E2E): Promise<QueueRun> {
  const o = await openPage(e2e, PHONE);
  const { page } = o;
  // The queue before this change froze the page for 20 s and more: let each step wait it out.
  page.setDefaultTimeout(180_000);
  await page.context().addInitScript({ content: NAME_SHIM });
  await page.addInitScript(observeLongTasks);
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('link', { name: /Everything × 20,000/ }).click();
  await page.locator('[aria-posinset="1"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.progress-note[role="status"]'));
  await page.waitForTimeout(500);

  await mark(page, 'tap');
  await page.locator('[aria-posinset="1"] .track-play').click();
  await page.locator('.mini-player').getByRole('button', { name: 'Pause' }).waitFor();
  await page.waitForTimeout(500);
  await mark(page, 'open');
  await page.locator('.mini-info').click();
  await page.locator('.queue-list li').first().waitFor();
  await page.waitForTimeout(500);

  await mark(page, 'scroll');
  await scrollQueueToEnd(page);
  await page.waitForTimeout(300);
  const rowsMounted = await page.locator('.queue-list li').count();
  await mark(page, 'move');
  await lastRow(page).getByRole('button', { name: / up$/ }).click();
  await page.waitForTimeout(300);
  await mark(page, 'remove');
  await lastRow(page)
    .getByRole('button', { name: / from the queue$/ })
    .click();
  await page.waitForTimeout(300);
  let was = await shownTitle(page);
  await mark(page, 'next');
  // CSS, not roles: a role query computes the name of every button on the page (60,000 before).
  await page.locator('.now-playing button[aria-label="Next track"]').click();
  await titleChanges(page, was);
  await page.waitForTimeout(300);
  was = await shownTitle(page);
  await mark(page, 'play from');
  // The last entry is one of the library's 43 tracks: pick one near the end with another title.
  const deep = page
    .locator('.queue-list li')
    .filter({ hasNotText: was ?? '' })
    .last();
  await deep.locator('.queue-play').click();
  await titleChanges(page, was);
  await page.waitForTimeout(300);
  await mark(page, 'close');
  await page.keyboard.press('Escape');
  await page.locator('.now-playing').waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  await mark(page, 'play next');
  const row = page.locator('[aria-posinset="2"]');
  await row.getByRole('button', { name: /^More for / }).click();
  await row.getByRole('menuitem', { name: 'Play next' }).click();
  await page.getByText(/plays next/).waitFor();
  await page.waitForTimeout(500);
  await mark(page, 'end');

  const { tasks, marks } = await page.evaluate(() => {
    const w = window as unknown as {
      __tasks: Array<{ at: number; ms: number }>;
      __marks: Array<{ name: string; at: number }>;
    };
    return { tasks: w.__tasks, marks: w.__marks };
  });
  // Prove the observer sees long tasks at all, so "none" means none.
  const seen = await page.evaluate(async () => {
    const w = window as unknown as { __tasks: unknown[] };
    const before = w.__tasks.length;
    setTimeout(() => {
      const until = performance.now() + 80;
      while (performance.now() < until) {
        // busy on purpose
      }
    }, 0);
    await new Promise((r) => setTimeout(r, 200));
    return w.__tasks.length > before;
  });
  if (!seen)
    throw new Error('the long-task observer saw nothing: the measurement is not trustworthy');

  // The app started again with the queue stored: it comes back, and what does that cost?
  await page.reload();
  await page.locator('.mini-player').waitFor();
  await page.waitForTimeout(1000);
  const afterReload = await page.evaluate(
    () => (window as unknown as { __tasks: Array<{ ms: number }> }).__tasks,
  );
  await o.context.close();

  const longest: Record<string, number> = {};
  let over50 = 0;
  for (const [i, m] of marks.entries()) {
    const end = marks[i + 1]?.at;
    if (end === undefined) break;
    const inPhase = tasks.filter((t) => t.at >= m.at && t.at < end);
    longest[m.name] = Math.max(0, ...inPhase.map((t) => t.ms));
    over50 += inPhase.filter((t) => t.ms > 50).length;
  }
  return {
    longest,
    over50,
    rowsMounted,
    reloadLongest: Math.max(0, ...afterReload.map((t) => t.ms)),
  };
}

/** The 20,000-track queue's figures in Chromium, against the production build. */
export async function benchQueue(runs = 5): Promise<Figure[]> {
  setupE2EBuild();
  const e2e = await startE2E();
  try {
    const all: QueueRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      all.push(await bigQueue(e2e));
      console.log(`20k queue run ${i + 1}:`, JSON.stringify(all.at(-1)));
    }
    const phases = Object.keys(all[0]?.longest ?? {});
    return [
      ...phases.map((phase) =>
        figure(
          `20k queue: longest task, ${phase} (0 = none over 50 ms)`,
          'ms',
          all.map((r) => r.longest[phase] ?? 0),
          '≤ 50 ms',
          (m) => m <= 50,
        ),
      ),
      figure(
        '20k queue: tasks over 50 ms, all of the above',
        'tasks',
        all.map((r) => r.over50),
        '0',
        (m) => m === 0,
      ),
      figure(
        '20k queue: longest task, reload with it stored (the whole start; 0 = none over 50 ms)',
        'ms',
        all.map((r) => r.reloadLongest),
        'report',
        () => true,
      ),
      figure(
        '20k queue: rows mounted at its end',
        'rows',
        all.map((r) => r.rowsMounted),
        '≤ 150',
        (m) => m <= 150,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}
