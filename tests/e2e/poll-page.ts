import type { Page } from 'playwright-core';

/**
 * Waits until `check`, run in the page, resolves true. For checks that must await (IndexedDB):
 * `page.waitForFunction` does not await a promise its function returns, it takes the promise
 * for a truthy answer and returns at once, so an async check there never waits for anything.
 */
export async function waitInPage<A>(
  page: Page,
  check: (arg: A) => Promise<boolean>,
  arg: A,
  { timeout = 15_000, interval = 100, what = 'the condition' } = {},
): Promise<void> {
  const until = Date.now() + timeout;
  // Playwright types the page side's argument as its own `Unboxed<A>`, which a generic A can't
  // be matched to; the argument is passed through unchanged.
  const inPage = check as (arg: unknown) => Promise<boolean>;
  for (;;) {
    // A navigation under way destroys the context the check ran in: ask again.
    const met = await page.evaluate(inPage, arg).catch(() => false);
    if (met) return;
    if (Date.now() > until) throw new Error(`${what} did not hold within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
