import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServers, type Servers } from '../e2e/harness';
import { SCREENSHOT_DIR } from '../e2e/screenshots';
import type { EngineBrowser, EngineName, EnginePage, Viewport } from './driver';
import { launchEngine } from './engines';
import { startProxyTrap } from './proxy-trap';

const ENGINE_SHOTS = `${SCREENSHOT_DIR}/engines`;

async function recordFailure(page: EnginePage, engine: EngineName, test: string): Promise<void> {
  const file = `${ENGINE_SHOTS}/failed-${engine}-${test.replace(/\W+/g, '-').slice(0, 60)}.png`;
  const url = await page.url().catch(() => 'unknown');
  await page.screenshot(file).catch(() => undefined);
  console.log(`${engine} stopped at ${url.split('?')[0] ?? ''}; screen in ${file}`);
  // A screen that never came may be a request that never did (a route's code, say).
  const waiting = page.unanswered?.() ?? [];
  if (waiting.length > 0) console.log(`${engine} was still waiting for: ${waiting.join(', ')}`);
}

/**
 * One engine's run: the app and a fresh fake Plex for it, a page in a fresh profile per test,
 * each test ending with no page errors, nothing sent off loopback (the proxy trap caught
 * nothing, and where the API sees requests, none went elsewhere), no token in anything the page
 * printed, the network back and every fault lifted.
 */
export function engineSuite(name: EngineName) {
  let servers: Servers | null = null;
  let browser: EngineBrowser | null = null;
  let page: EnginePage | null = null;
  let trap: Awaited<ReturnType<typeof startProxyTrap>> | null = null;
  const running = () => {
    if (!servers || !browser) throw new Error(`the ${name} suite has not started`);
    return { servers, browser };
  };
  beforeAll(async () => {
    servers = await startServers();
    trap = await startProxyTrap();
    browser = await launchEngine(name);
    await mkdir(ENGINE_SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await trap?.close();
    await servers?.stop();
  });
  afterEach(async (context) => {
    const { servers: s, browser: b } = running();
    s.setOffline(false);
    s.fake.faults.clear();
    if (page) {
      const open = page;
      page = null;
      // A failed flow leaves a picture of where it stopped, and the address it stopped at.
      if (context.task.result?.state === 'fail') await recordFailure(open, name, context.task.name);
      const problems = await open.problems().catch((error: unknown) => [String(error)]);
      await b.closePage(open);
      expect(problems).toEqual([]);
      expect(open.offLoopback).toEqual([]);
      // Firefox's own services (remote settings on start) reach the trap too and go no further;
      // anything else caught is the app's.
      const caught = (trap?.caught.splice(0) ?? []).filter(
        (line) => !/^CONNECT [\w.-]+\.(mozilla\.(com|net|org)|firefox\.com):443 /.test(line),
      );
      expect(caught).toEqual([]);
      // The browsers' own network-error lines quote the failed URL (token and all): the browser's
      // words, not the app's (as in the Chromium suite).
      const { model } = s.fake;
      const secrets = [model.user.token, ...model.servers.map((x) => x.accessToken)];
      const appLines = open.consoleLines.filter(
        (line) =>
          !/^(Access to \w+ at |Failed to load resource|Cross-Origin Request Blocked)/.test(line),
      );
      for (const secret of secrets) expect(appLines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
  return {
    get servers() {
      return running().servers;
    },
    async open(viewport: Viewport): Promise<EnginePage> {
      page = await running().browser.open(viewport);
      return page;
    },
    /** A screen as this engine draws it, for a person to look at (test-results/, not git). */
    shot: (p: EnginePage, screen: string) => p.screenshot(`${ENGINE_SHOTS}/${name}-${screen}.png`),
  };
}
