import type { Page } from 'playwright-core';

/** Errors a navigation under way gives an evaluate: the check is asked again in the new page. */
const NAVIGATING = /Execution context was destroyed|navigation|Cannot find context/i;

/**
 * Waits until `check`, run in the page, resolves true. For checks that must await (IndexedDB):
 * `page.waitForFunction` does not await a promise its function returns, it takes the promise
 * for a truthy answer and returns at once, so an async check there never waits for anything.
 * Each check gets the time left: one that never settles fails the wait, it doesn't hang it.
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
  let lastError: unknown = null;
  for (;;) {
    const left = until - Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const met = await Promise.race([
      page.evaluate(inPage, arg).catch((error: unknown) => {
        if (!(error instanceof Error) || !NAVIGATING.test(error.message)) throw error;
        lastError = error;
        return false;
      }),
      new Promise<false>(
        (resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, left))),
      ),
    ]).finally(() => clearTimeout(timer));
    if (met) return;
    if (Date.now() >= until)
      throw new Error(
        `${what} did not hold within ${timeout} ms${lastError instanceof Error ? ` (last: ${lastError.message})` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
