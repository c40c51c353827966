import {
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Page,
} from 'playwright-core';

/**
 * Debian's Chromium: Playwright's own browser download is impossible here (docs/web-platform.md
 * "Testing it for real").
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
  // Network safety: every name but loopback resolves nowhere, so nothing can leave this machine.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
}

export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP = { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const };

/** Fails the test on any page error or console error, and never lets a request leave loopback. */
export async function guardedContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
) {
  const context: BrowserContext = await browser.newContext(options);
  return { context, ...(await guardContext(context)) };
}

/**
 * The guards on a context made elsewhere (a persistent profile): page errors and CSP refusals
 * as problems, every request off loopback, and every console line (no token may be in one).
 */
export async function guardContext(context: BrowserContext) {
  const problems: string[] = [];
  const offLoopback: string[] = [];
  /** Everything printed on the pages' consoles, to prove no token is ever logged. */
  const consoleLines: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (
      !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) &&
      url.protocol.startsWith('http')
    ) {
      offLoopback.push(request.url());
    }
  });
  // The browser only logs what the CSP (Trusted Types included) refuses, and the refused thing
  // fails quietly (a service worker that never registers): each refusal is a problem too.
  await context.addInitScript(() =>
    window.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP refused: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    ),
  );
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      consoleLines.push(message.text());
      if (message.text().startsWith('CSP refused: ')) problems.push(message.text());
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return { problems, offLoopback, consoleLines };
}
