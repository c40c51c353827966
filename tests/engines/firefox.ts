import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import type { EngineBrowser, EnginePage, Target, Viewport } from './driver';
import { actOn, asExpression, describeTarget, isLoopback, poll } from './driver';
import { PROXY_TRAP_PORT } from './proxy-trap';
import { soundEnvironment } from './sound-output';
import { findInPage, isSettled, markedSelector, nextMark, sendTarget } from './find';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Network safety: every request but loopback goes to the proxy trap on loopback (proxy-trap.ts),
 * so neither the app nor Firefox's own services (updates, telemetry, safe browsing) leave the box.
 */
const OFFLINE_PROXY = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': PROXY_TRAP_PORT,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': PROXY_TRAP_PORT,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/**
 * Firefox ESR over WebDriver BiDi (puppeteer-core 24: 25 needs Node 22). One browser per page:
 * a fresh profile each, and the window size set at launch, because Firefox 140's BiDi lacks the
 * screen-orientation override that puppeteer's setViewport sends.
 */
export async function launchFirefoxEngine(): Promise<EngineBrowser> {
  const browsers = new Map<EnginePage, Browser>();
  return {
    engine: 'firefox',
    async open(viewport: Viewport) {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        defaultViewport: null,
        args: [`--width=${Math.max(viewport.width, 500)}`, `--height=${viewport.height + 100}`],
        extraPrefsFirefox: { 'media.autoplay.default': 0, ...OFFLINE_PROXY },
        env: { ...process.env, ...soundEnvironment() },
      });
      const [first] = await browser.pages();
      const page = first ?? (await browser.newPage());
      await setViewport(page, viewport);
      const opened = firefoxPage(page);
      browsers.set(opened, browser);
      return opened;
    },
    async closePage(page) {
      await browsers.get(page)?.close();
      browsers.delete(page);
    },
    async close() {
      for (const browser of browsers.values()) await browser.close();
      browsers.clear();
    },
  };
}

/**
 * The page's size through BiDi's browsingContext.setViewport: the window can't be narrower than
 * about 450 px, and puppeteer's setViewport also sends the orientation override Firefox 140 lacks.
 */
async function setViewport(page: Page, viewport: Viewport): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext?: { setViewport(options: { viewport: Viewport }): Promise<void> };
  };
  if (!frame.browsingContext) throw new Error('puppeteer changed: no BiDi browsing context');
  await frame.browsingContext.setViewport({ viewport });
}

const KEYS = { End: 'End', Home: 'Home', ArrowRight: 'ArrowRight', Space: 'Space' } as const;

function firefoxPage(page: Page): EnginePage {
  const problems: string[] = [];
  const consoleLines: string[] = [];
  const offLoopback: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  const inFlight = new Set<HTTPRequest>();
  page.on('request', (request) => {
    inFlight.add(request);
    if (!isLoopback(request.url())) offLoopback.push(request.url());
  });
  page.on('requestfinished', (request) => inFlight.delete(request));
  page.on('requestfailed', (request) => inFlight.delete(request));
  page.on('pageerror', (error) => {
    // Firefox's own line for a request whose connection failed (offline, a dead address), which
    // it words as CORS; like Chromium's "Failed to load resource", the browser's, not the app's.
    if (/\(Reason: CORS request did not succeed\)/.test(String(error))) return;
    problems.push(String(error));
  });
  const mark = async (target: Target, timeoutMs: number, reveal = false) => {
    const id = nextMark();
    const found = async () =>
      ((await page.evaluate(
        asExpression(findInPage, sendTarget(target, id, reveal)),
      )) as boolean) && page.$(markedSelector(id));
    return poll(describeTarget(target), found, timeoutMs);
  };
  return {
    engine: 'firefox',
    problems: async () => [...problems],
    consoleLines,
    offLoopback,
    // Without the query: a Plex request's query carries its token.
    unanswered: () => [...inFlight].map((r) => `${r.method()} ${r.url().split('?')[0] ?? ''}`),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    // What the address bar shows: puppeteer over BiDi misses history.replaceState in Firefox 140.
    url: () => page.evaluate('location.href') as Promise<string>,
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      page.evaluate(asExpression(fn, arg)) as Promise<R>,
    click: (target, timeoutMs = 10_000) =>
      actOn(
        target,
        timeoutMs,
        (left) => mark(target, left, true),
        async (h) => {
          const id = await h.evaluate((e) => e.getAttribute('data-engine-target'));
          if (!(await page.evaluate(asExpression(isSettled, id ?? ''))))
            throw new Error(`${describeTarget(target)} is still moving or covered`);
          await h.click();
        },
      ),
    press: (target, key) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        async (h) => {
          await h.focus();
          await page.keyboard.press(KEYS[key]);
        },
      ),
    fill: (target, text) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        (h) => h.type(text),
      ),
    waitFor: async (target, timeoutMs = 10_000) => void (await mark(target, timeoutMs)),
    reveal: async (target) => void (await mark(target, 10_000, true)),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
  };
}
