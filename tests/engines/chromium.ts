import type { Browser, BrowserContext, Page } from 'playwright-core';
import { guardedContext, launchChromium } from '../e2e/browser';
import type { EngineBrowser, EnginePage, Target, Viewport } from './driver';
import { actOn, asExpression, describeTarget, poll } from './driver';
import { findInPage, markedSelector, nextMark, sendTarget } from './find';

/** Chromium through Playwright, as the rest of the e2e suite drives it. */
export async function launchChromiumEngine(): Promise<EngineBrowser> {
  const browser: Browser = await launchChromium();
  const contexts = new Map<EnginePage, BrowserContext>();
  return {
    engine: 'chromium',
    async open(viewport: Viewport) {
      // The e2e suite's guards: page errors, every console line, any request off loopback.
      const guarded = await guardedContext(browser, { viewport });
      const { context } = guarded;
      const page = await context.newPage();
      const opened = chromiumPage(page, guarded);
      contexts.set(opened, context);
      return opened;
    },
    async closePage(page) {
      await contexts.get(page)?.close();
      contexts.delete(page);
    },
    close: () => browser.close(),
  };
}

function chromiumPage(
  page: Page,
  guards: { problems: string[]; consoleLines: string[]; offLoopback: string[] },
): EnginePage {
  const mark = async (target: Target, timeoutMs: number, reveal = false) => {
    const id = nextMark();
    await poll(
      describeTarget(target),
      () => page.evaluate<boolean>(asExpression(findInPage, sendTarget(target, id, reveal))),
      timeoutMs,
    );
    return page.locator(markedSelector(id));
  };
  return {
    engine: 'chromium',
    problems: async () => [...guards.problems],
    consoleLines: guards.consoleLines,
    offLoopback: guards.offLoopback,
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    url: async () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate<R>(asExpression(fn, arg)),
    click: (target, timeoutMs = 10_000) =>
      actOn(
        target,
        timeoutMs,
        (left) => mark(target, left, true),
        (l) => l.click({ timeout: 2_000 }),
      ),
    press: (target, key) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        (l) => l.press(key === 'Space' ? ' ' : key, { timeout: 2_000 }),
      ),
    fill: (target, text) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        (l) => l.fill(text, { timeout: 2_000 }),
      ),
    waitFor: async (target, timeoutMs = 10_000) => void (await mark(target, timeoutMs)),
    reveal: async (target) => void (await mark(target, 10_000, true)),
    screenshot: async (path) => void (await page.screenshot({ path })),
  };
}
