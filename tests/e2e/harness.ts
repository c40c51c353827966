import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createFakePlex, type FakePlex, type RecordedRequest } from '../fake-plex/handler';
import { listenFakePlex, type RunningFakePlex } from '../fake-plex/node-server';
import { allPorts, loopbackScenario } from '../fake-plex/scenarios';
import { guardedContext, launchChromium } from './browser';
import { E2E_APP_PORT, E2E_APP_URL, E2E_BASE, E2E_DIST, E2E_FAKE_PORTS } from './ports';
import { serveBuild } from './static-server';

export interface E2E {
  browser: Browser;
  fake: FakePlex;
  /** Publishes a "new version" of the app's service worker. */
  bumpServiceWorker(): void;
  stop(): Promise<void>;
}

export interface Servers {
  fake: FakePlex;
  /** Publishes a "new version" of the app's service worker. */
  bumpServiceWorker(): void;
  /** No network: the app's host and every Plex address drop each connection. */
  setOffline(on: boolean): void;
  stop(): Promise<void>;
}

/** The built app on a sub-path and a fresh fake Plex, on loopback. */
export async function startServers(): Promise<Servers> {
  const fake = createFakePlex(loopbackScenario(E2E_FAKE_PORTS));
  const plex: RunningFakePlex = await listenFakePlex(fake, allPorts(E2E_FAKE_PORTS));
  const app = await serveBuild(E2E_DIST, E2E_BASE, E2E_APP_PORT);
  return {
    fake,
    bumpServiceWorker: () => app.bumpServiceWorker(),
    setOffline(on) {
      app.setOffline(on);
      if (on) fake.faults.add({ id: 'offline', kind: 'drop' });
      else fake.faults.remove('offline');
    },
    async stop() {
      await app.close();
      await plex.close();
    },
  };
}

/** Chromium, the built app on a sub-path, and a fresh fake Plex on loopback. */
export async function startE2E(): Promise<E2E> {
  const servers = await startServers();
  const browser = await launchChromium();
  return {
    browser,
    fake: servers.fake,
    bumpServiceWorker: () => servers.bumpServiceWorker(),
    async stop() {
      await browser.close();
      await servers.stop();
    },
  };
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Page errors seen so far: a test ends by expecting none. */
  problems: string[];
  offLoopback: string[];
  consoleLines: string[];
}

export async function openPage(
  e2e: E2E,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<OpenPage> {
  const { context, problems, offLoopback, consoleLines } = await guardedContext(
    e2e.browser,
    options,
  );
  const page = await context.newPage();
  return { context, page, problems, offLoopback, consoleLines };
}

export const fakeOrigin = (port: number) => `http://127.0.0.1:${port}`;

/**
 * Waits until the fake Plex has logged a request that `matches`, and returns it. A screen can
 * show its text a moment before the request behind it reaches the fake (or the other way round):
 * a test that asserts on the log waits for the entry, never reads it the moment the text shows.
 */
export async function waitForRequest(
  fake: FakePlex,
  matches: (request: RecordedRequest) => boolean,
  timeoutMs = 10_000,
): Promise<RecordedRequest> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = fake.requests.find(matches);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no such request reached the fake in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `check` holds (polled every 50 ms), for conditions on the fake's state. */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What every test's pages must end with: no page error, nothing sent off loopback, and no token
 * in anything PlexM8 printed. Chromium's own network-error lines quote the failed request's URL
 * (where Plex wants the token); those are the browser's, not the app's.
 */
export function expectCleanPage(
  open: Pick<OpenPage, 'problems' | 'offLoopback' | 'consoleLines'>,
  fake: FakePlex,
): void {
  expect(open.problems).toEqual([]);
  expect(open.offLoopback).toEqual([]);
  const { model } = fake;
  const secrets = [model.user.token, ...model.servers.map((s) => s.accessToken)];
  const appLines = open.consoleLines.filter(
    (line) => !/^(Access to \w+ at |Failed to load resource)/.test(line),
  );
  for (const secret of secrets)
    expect(appLines.filter((line) => line.includes(secret))).toEqual([]);
}

/**
 * One e2e file's setup: Chromium, the app and a fresh fake Plex for the file; each test's pages
 * must end with no page errors and no request off loopback; fault switches reset between tests.
 */
export function e2eSuite() {
  let e2e: E2E | null = null;
  let current: OpenPage | null = null;
  const started = () => {
    if (!e2e) throw new Error('the e2e suite has not started');
    return e2e;
  };
  beforeAll(async () => {
    e2e = await startE2E();
  });
  afterAll(async () => {
    await e2e?.stop();
  });
  afterEach(async () => {
    started().fake.faults.clear();
    if (current) {
      expectCleanPage(current, started().fake);
      await current.context.close();
    }
    current = null;
  });
  return {
    get fake() {
      return started().fake;
    },
    get e2e() {
      return started();
    },
    async open(options: Parameters<Browser['newContext']>[0] = {}) {
      current = await openPage(started(), options);
      return current;
    },
  };
}

/** Signs in through the fake app.plex.tv page and lands on the playlists. */
export async function signInThroughPlex(page: Page): Promise<void> {
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(`${E2E_APP_URL}playlists`);
  await page.getByText('Road Trip').waitFor();
}
