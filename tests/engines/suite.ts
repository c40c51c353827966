import { mkdir } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServers, type Servers } from '../e2e/harness';
import { SCREENSHOT_DIR } from '../e2e/screenshots';
import type { EngineBrowser, EngineName, EnginePage, Viewport } from './driver';
import { launchEngine } from './engines';

export const ENGINE_SHOTS = `${SCREENSHOT_DIR}/engines`;

/**
 * One engine's run: the app and a fresh fake Plex for it, a page in a fresh profile per test,
 * each test ending with no page errors, the network back and every fault lifted.
 */
export function engineSuite(name: EngineName) {
  let servers: Servers | null = null;
  let browser: EngineBrowser | null = null;
  let page: EnginePage | null = null;
  const running = () => {
    if (!servers || !browser) throw new Error(`the ${name} suite has not started`);
    return { servers, browser };
  };
  beforeAll(async () => {
    servers = await startServers();
    browser = await launchEngine(name);
    await mkdir(ENGINE_SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await servers?.stop();
  });
  afterEach(async () => {
    const { servers: s, browser: b } = running();
    s.setOffline(false);
    s.fake.faults.clear();
    if (page) {
      const problems = [...page.problems];
      await b.closePage(page);
      page = null;
      expect(problems).toEqual([]);
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
