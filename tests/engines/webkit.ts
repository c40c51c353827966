import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Builder, By, Key, type WebDriver } from 'selenium-webdriver';
import type { EngineBrowser, EnginePage, Target, Viewport } from './driver';
import { actOn, asExpression, describeTarget, poll } from './driver';
import { PROXY_TRAP_PORT } from './proxy-trap';
import {
  MARK_ATTRIBUTE,
  findInPage,
  isSettled,
  markedSelector,
  nextMark,
  sendTarget,
} from './find';

export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free loopback port for WebKitWebDriver (it takes no port 0). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** An X server of its own: MiniBrowser has no headless mode. -displayfd picks a free display. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.once('error', reject);
    const timer = setTimeout(() => {
      xvfb.kill();
      reject(new Error('Xvfb did not start in 10 s'));
    }, 10_000);
    xvfb.stdio[3]?.once('data', (data: Buffer) => {
      clearTimeout(timer);
      resolve(`:${data.toString().trim()}`);
    });
  });
  return { display, process: xvfb };
}

async function waitForDriver(port: number): Promise<void> {
  await poll(
    'WebKitWebDriver to listen',
    () =>
      fetch(`http://127.0.0.1:${port}/status`)
        .then((r) => r.ok)
        .catch(() => false),
    10_000,
  );
}

/**
 * WebKitGTK (Safari's engine) through WebKitWebDriver and MiniBrowser under Xvfb. A WebDriver
 * session per page: each is a new MiniBrowser with ephemeral storage. Network safety: MiniBrowser
 * sends everything but loopback to the proxy trap (proxy-trap.ts).
 */
export async function launchWebKitEngine(): Promise<EngineBrowser> {
  const x = await startXvfb();
  const port = await freePort();
  const driverProcess = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: x.display },
    stdio: 'ignore',
  });
  try {
    await waitForDriver(port);
  } catch (error) {
    driverProcess.kill();
    x.process.kill();
    throw error;
  }
  const sessions = new Map<EnginePage, WebDriver>();
  return {
    engine: 'webkit',
    async open(viewport: Viewport) {
      const driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER_PATH,
            args: [
              '--automation',
              '--autoplay-policy=allow',
              `--proxy=http://127.0.0.1:${PROXY_TRAP_PORT}`,
              '--ignore-host=127.0.0.1',
              '--ignore-host=localhost',
            ],
          },
        })
        .build();
      const page = webkitPage(driver);
      sessions.set(page, driver);
      await sizeViewport(driver, viewport);
      return page;
    },
    async closePage(page) {
      await sessions.get(page)?.quit();
      sessions.delete(page);
    },
    async close() {
      for (const driver of sessions.values()) await driver.quit().catch(() => undefined);
      sessions.clear();
      driverProcess.kill();
      x.process.kill();
    },
  };
}

/** Window size includes MiniBrowser's toolbar: size it, measure the page, and correct once. */
async function sizeViewport(driver: WebDriver, want: Viewport): Promise<void> {
  const window = driver.manage().window();
  await window.setRect({ x: 0, y: 0, width: want.width, height: want.height });
  const inner = await driver.executeScript<[number, number]>(
    'return [window.innerWidth, window.innerHeight]',
  );
  await window.setRect({
    width: want.width + (want.width - inner[0]),
    height: want.height + (want.height - inner[1]),
  });
}

const KEYS = { End: Key.END, Home: Key.HOME, ArrowRight: Key.ARROW_RIGHT, Space: Key.SPACE };

function webkitPage(driver: WebDriver): EnginePage {
  const mark = async (target: Target, timeoutMs: number, reveal = false) => {
    const id = nextMark();
    const found = async () =>
      (await driver.executeScript<boolean>(
        `return ${asExpression(findInPage, sendTarget(target, id, reveal))}`,
      )) && driver.findElement(By.css(markedSelector(id)));
    return poll(describeTarget(target), found, timeoutMs);
  };
  return {
    engine: 'webkit',
    // WebDriver classic reports no page errors: the finder installs listeners in each document it
    // looks at (find.ts), so errors before a document's first look go unseen here.
    problems: () =>
      driver.executeScript<string[]>('return (window.__engineProblems || []).slice()'),
    // Nor console lines or requests: the proxy trap still proves nothing left loopback.
    consoleLines: [],
    offLoopback: [],
    goto: (url) => driver.get(url),
    reload: () => driver.navigate().refresh(),
    url: () => driver.getCurrentUrl(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) =>
      driver.executeScript<R>(`return ${asExpression(fn, arg)}`),
    click: (target, timeoutMs = 10_000) =>
      actOn(
        target,
        timeoutMs,
        (left) => mark(target, left, true),
        async (el) => {
          const id = await el.getAttribute(MARK_ATTRIBUTE);
          const settled = await driver.executeScript<boolean>(
            `return ${asExpression(isSettled, id ?? '')}`,
          );
          if (!settled) throw new Error(`${describeTarget(target)} is still moving or covered`);
          await el.click();
        },
      ),
    press: (target, key) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        (el) => el.sendKeys(KEYS[key]),
      ),
    fill: (target, text) =>
      actOn(
        target,
        10_000,
        (left) => mark(target, left, true),
        (el) => el.sendKeys(text),
      ),
    waitFor: async (target, timeoutMs = 10_000) => void (await mark(target, timeoutMs)),
    reveal: async (target) => void (await mark(target, 10_000, true)),
    async screenshot(path) {
      await writeFile(path, Buffer.from(await driver.takeScreenshot(), 'base64'));
    },
  };
}
