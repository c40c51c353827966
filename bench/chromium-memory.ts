import type { Page } from 'playwright-core';
import setupE2EBuild from '../tests/e2e/global-setup';
import { DESKTOP } from '../tests/e2e/browser';
import { browseCases, collectorServer, switchToCollector } from '../tests/e2e/collector-flows';
import { openPage, signInThroughPlex, startE2E, type E2E } from '../tests/e2e/harness';
import { e2eDatabase } from '../tests/e2e/ports';
import { scrollToEnd } from './chromium-browse';
import { figure, type Figure } from './stats';
import { NAME_SHIM, observeLongTasks } from './page-probes';

/** The saved query cache as the bound's index counts it (src/lib/query-cache-bound.ts). */
async function savedCache(page: Page) {
  return page.evaluate(async (db) => {
    const open = indexedDB.open(db);
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = idb.transaction('queries').objectStore('queries');
    const count = await new Promise<number>((r) => {
      const q = store.count();
      q.onsuccess = () => r(q.result);
    });
    const index = await new Promise<Map<string, { items: number }> | undefined>((r) => {
      const q = store.get('plexm8-cache-index');
      q.onsuccess = () => r(q.result as Map<string, { items: number }> | undefined);
    });
    idb.close();
    const items = [...(index?.values() ?? [])].reduce((sum, e) => sum + e.items, 0);
    const usage = (await navigator.storage.estimate()).usage ?? 0;
    return { queries: count - (index ? 1 : 0), items, usageMb: usage / 1024 / 1024 };
  }, e2eDatabase('query-cache'));
}

/**
 * One visit: the Collector's four lists scrolled to their ends, then its 20,000-track playlist
 * opened and scrolled to its end, inside one page (no reload), then a full garbage collection.
 */
async function browseEverything(e2e: E2E) {
  const o = await openPage(e2e, DESKTOP);
  const { page } = o;
  await page.context().addInitScript({ content: NAME_SHIM });
  await page.addInitScript(observeLongTasks);
  await signInThroughPlex(page);
  await switchToCollector(page);
  for (const c of browseCases(e2e.fake)) await scrollToEnd(page, c);
  const big = collectorServer(e2e.fake).library.playlists.find((p) => p.size === 20_000);
  if (!big) throw new Error("no 20,000-track playlist on the Collector's Server");
  await scrollToEnd(page, {
    name: 'playlists',
    path: `playlists/${big.ratingKey}`,
    label: `Tracks in ${big.title}`,
    total: 20_000,
    last: '',
  });
  // Writes of the last pages land a moment after they arrive.
  await page.waitForTimeout(1_000);
  const cdp = await o.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const cache = await savedCache(page);
  await o.context.close();
  return { heapMb: heap.usedSize / 1024 / 1024, ...cache };
}

/** `BENCH_ONLY=memory`: what a whole visit to the Collector's library leaves behind. */
export async function benchMemory(runs = 3): Promise<Figure[]> {
  setupE2EBuild();
  const e2e = await startE2E();
  try {
    const all: Awaited<ReturnType<typeof browseEverything>>[] = [];
    for (let i = 0; i < runs; i += 1) all.push(await browseEverything(e2e));
    return [
      figure(
        'Collector: JS heap after every list and the 20k playlist, scrolled to their ends',
        'MB',
        all.map((r) => r.heapMb),
        '≤ 60 MB',
        (m) => m <= 60,
      ),
      figure(
        'Collector: saved query cache after that visit, queries',
        'queries',
        all.map((r) => r.queries),
        '≤ 2,000 (the bound)',
        (m) => m <= 2_000,
      ),
      figure(
        'Collector: saved query cache after that visit, list items',
        'items',
        all.map((r) => r.items),
        '≤ 100,000 (the bound)',
        (m) => m <= 100_000,
      ),
      figure(
        "Collector: the origin's storage in use after that visit",
        'MB',
        all.map((r) => r.usageMb),
        'report',
        () => true,
      ),
    ];
  } finally {
    await e2e.stop();
  }
}

// `npx tsx bench/chromium-memory.ts`: these figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchMemory(Number(process.env.BENCH_RUNS ?? 1)), null, 2));
}
