import type { Page } from 'playwright-core';
import setupE2EBuild from '../tests/e2e/global-setup';
import { DESKTOP } from '../tests/e2e/browser';
import {
  browseCases,
  sampleList,
  switchToCollector,
  type BrowseCase,
} from '../tests/e2e/collector-flows';
import { openPage, signInThroughPlex, startE2E, type E2E } from '../tests/e2e/harness';
import { E2E_APP_URL } from '../tests/e2e/ports';
import { figure, type Figure } from './stats';
import { NAME_SHIM, observeLongTasks } from './page-probes';

/** A flick of the wheel: 20,000 px, about 25 desktop screens (the 20k playlist bench's step). */
const STEP = 20_000;

/** Records long tasks from the moment `__recording` is set. */

interface ScrollRun {
  longestTaskMs: number;
  tasksOver50: number;
  mostMounted: number;
}

/**
 * Opens one list, then scrolls it to its end with the wheel as a person flicking through would,
 * counting the items in the DOM after every flick. Ends when the last item shows with its name.
 */
export async function scrollToEnd(page: Page, c: BrowseCase): Promise<ScrollRun> {
  // Inside the app, as its links go (no reload): the heap at the end is the whole visit's.
  await page.evaluate(
    (path) => {
      window.history.pushState(null, '', path);
      window.dispatchEvent(new PopStateEvent('popstate'));
      window.scrollTo(0, 0);
    },
    `${new URL(E2E_APP_URL).pathname}${c.path}`,
  );
  const list = page.getByRole('list', { name: c.label, exact: true });
  await list.locator('[aria-posinset="1"]').first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __recording: boolean };
    w.__longTasks = [];
    w.__recording = true;
  });
  await page.mouse.move(700, 400);
  let mostMounted = 0;
  for (let i = 0; i < 2_000; i += 1) {
    await page.mouse.wheel(0, STEP);
    await page.waitForTimeout(16);
    const now = await sampleList(page, c.label);
    mostMounted = Math.max(mostMounted, now.mounted);
    if (now.atEnd) break;
  }
  const last = list.locator(`[aria-posinset="${c.total}"]`);
  await last.getByText(c.last, { exact: false }).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(300);
  mostMounted = Math.max(mostMounted, (await sampleList(page, c.label)).mounted);
  const tasks = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[]; __recording: boolean };
    w.__recording = false;
    return w.__longTasks;
  });
  return {
    longestTaskMs: Math.max(0, ...tasks),
    tasksOver50: tasks.filter((t) => t > 50).length,
    mostMounted,
  };
}

/** Proves the observer sees long tasks at all, so "none" means none. */
async function checkObserver(page: Page) {
  const seen = await page.evaluate(async () => {
    const w = window as unknown as { __longTasks: number[]; __recording: boolean };
    w.__recording = true;
    const before = w.__longTasks.length;
    setTimeout(() => {
      const until = performance.now() + 80;
      while (performance.now() < until) {
        // busy on purpose
      }
    }, 0);
    await new Promise((r) => setTimeout(r, 200));
    w.__recording = false;
    return w.__longTasks.length > before;
  });
  if (!seen)
    throw new Error('the long-task observer saw nothing: the measurement is not trustworthy');
}

async function browseOnce(e2e: E2E, cases: BrowseCase[]) {
  const o = await openPage(e2e, DESKTOP);
  const { page } = o;
  await page.context().addInitScript({ content: NAME_SHIM });
  await page.addInitScript(observeLongTasks);
  await signInThroughPlex(page);
  await switchToCollector(page);
  const runs = new Map<string, ScrollRun>();
  for (const c of cases) runs.set(c.name, await scrollToEnd(page, c));
  await checkObserver(page);
  const cdp = await o.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await o.context.close();
  return { runs, heapMb: heap.usedSize / 1024 / 1024 };
}

/**
 * The Collector's library (5,000 artists, 30,000 albums, 150,000 tracks, 400 playlists) in
 * Chromium, desktop size: each list scrolled to its end. `BENCH_ONLY=browse npm run bench`.
 */
export async function benchBrowse(runs = 5, only?: BrowseCase['name'][]): Promise<Figure[]> {
  setupE2EBuild();
  const e2e = await startE2E();
  try {
    const cases = browseCases(e2e.fake).filter((c) => !only || only.includes(c.name));
    const all: Awaited<ReturnType<typeof browseOnce>>[] = [];
    for (let i = 0; i < runs; i += 1) all.push(await browseOnce(e2e, cases));
    const of = (name: string, pick: (r: ScrollRun) => number) =>
      all.map((r) => {
        const run = r.runs.get(name);
        return run ? pick(run) : Number.NaN;
      });
    return [
      ...cases.flatMap((c) => {
        const what = `Collector ${c.name} (${c.total.toLocaleString('en')}) scrolled to the end`;
        return [
          figure(
            `${what}: most items mounted`,
            'items',
            of(c.name, (r) => r.mostMounted),
            '≤ 150',
            (m) => m <= 150,
          ),
          figure(
            `${what}: longest task (0 = none over 50 ms)`,
            'ms',
            of(c.name, (r) => r.longestTaskMs),
            '≤ 50 ms',
            (m) => m <= 50,
          ),
          figure(
            `${what}: tasks over 50 ms`,
            'tasks',
            of(c.name, (r) => r.tasksOver50),
            '0',
            (m) => m === 0,
          ),
        ];
      }),
      figure(
        'Collector: JS heap after browsing all four lists to their ends',
        'MB',
        all.map((r) => r.heapMb),
        '≤ 60 MB',
        (m) => m <= 60,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}
