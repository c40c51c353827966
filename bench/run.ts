/**
 * `npm run bench`: every PlexM8 benchmark in one go. Prints a table and writes bench/results.json,
 * bench/results.md and the README's tables. Figures are medians of several runs: these machines are noisy.
 *
 * `BENCH_ONLY=<part>[,<part>…] npm run bench` runs just those parts (names below) and replaces
 * their figures in the last full run's results, keeping the rest where they stood.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { benchFirstLoadJs } from './bundle-size';
import { benchConnectionChoice } from './connection-choice';
import { benchLibrary } from './chromium-library';
import { benchBrowse } from './chromium-browse';
import { benchColdStart } from './chromium-cold-start';
import { benchMemory } from './chromium-memory';
import { benchSlowLink } from './chromium-slow-link';
import { benchSearch } from './chromium-search';
import { benchPlayer } from './chromium-player';
import { benchQueue } from './chromium-queue';
import { benchDownloads } from './chromium-downloads';
import { benchDownloads20k } from './chromium-downloads-20k';
import { benchEngines } from './engines-player';
import { benchLighthouse } from './lighthouse';
import { benchStartupJs } from './startup-js';
import { writeReadmeTables } from './readme-tables';
import { engineTable, table, type Figure } from './stats';
import { buildApp } from '../tests/e2e/build-app';
import { E2E_BASE, E2E_DIST } from '../tests/e2e/ports';

const runs = Number(process.env.BENCH_RUNS ?? 7);

interface Part {
  name: string;
  /** Its figures, and any file sizes to keep beside them (results.json `firstLoadFiles`). */
  run: () => Promise<{ figures: Figure[]; files?: Record<string, unknown> }>;
}
const figuresOnly = (run: () => Promise<Figure[]>) => async () => ({ figures: await run() });

// In the order of a full run. The browser figures first: the fake Plex shares this process, and
// the in-process Vite build of the bundle figure leaves a heap whose collection would land in
// their timings. Firefox and WebKit last: their browsers are separate processes, started and gone
// per engine.
const PARTS: Part[] = [
  { name: 'library', run: figuresOnly(() => benchLibrary(Math.min(runs, 5))) },
  { name: 'browse', run: figuresOnly(() => benchBrowse(Math.min(runs, 5))) },
  { name: 'cold-start', run: figuresOnly(() => benchColdStart(Math.min(runs, 5))) },
  { name: 'slow-link', run: figuresOnly(() => benchSlowLink(Math.min(runs, 5))) },
  { name: 'memory', run: figuresOnly(() => benchMemory(Math.min(runs, 3))) },
  { name: 'queue', run: figuresOnly(() => benchQueue(Math.min(runs, 5))) },
  { name: 'search', run: figuresOnly(() => benchSearch(Math.min(runs, 5))) },
  // Each sound starts on the browser's next audio period (23 ms here), so one tap lands one
  // period early or late by chance: the tap figures need more taps than the others for a steady
  // median (medians of 15 taps ranged 1.1–1.4× where 40 taps said 1.12×).
  { name: 'player', run: figuresOnly(() => benchPlayer(Math.max(runs, 31))) },
  { name: 'downloads', run: figuresOnly(() => benchDownloads(Math.min(runs, 3))) },
  { name: 'downloads-20k', run: figuresOnly(() => benchDownloads20k(Math.min(runs, 3))) },
  { name: 'lighthouse', run: figuresOnly(() => benchLighthouse(Math.min(runs, 3))) },
  { name: 'connection', run: figuresOnly(() => benchConnectionChoice(runs)) },
  { name: 'startup', run: () => benchStartupJs(Math.min(runs, 3)) },
  { name: 'bundle', run: benchFirstLoadJs },
  // 15 taps each: as for Chromium's, one audio period early or late is a tap's luck.
  { name: 'engines', run: figuresOnly(() => benchEngines(Math.max(runs, 15))) },
];
// The table's order: sizes first, then the rest as run.
const TABLE_ORDER = ['bundle', 'startup', 'connection'];

const isEngine = (f: Figure) => /^(chromium|firefox|webkit): /.test(f.name);

interface Stored {
  figures: (Figure & { part?: string })[];
  firstLoadFiles?: Record<string, unknown>;
}

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const unknown = only?.filter((name) => !PARTS.some((p) => p.name === name)) ?? [];
if (unknown.length) {
  console.error(
    `No bench part ${unknown.join(', ')}; parts: ${PARTS.map((p) => p.name).join(', ')}`,
  );
  process.exit(1);
}
const chosen = PARTS.filter((p) => !only || only.includes(p.name));
// The browser figures run against the e2e build, made here from the code as it is now: a bench
// must not measure a build some earlier test run left behind, nor fail for want of one.
// BENCH_BUILD=0 reuses the last one (a bench run again on unchanged code).
const NEED_NO_APP = ['bundle', 'connection'];
if (process.env.BENCH_BUILD !== '0' && chosen.some((p) => !NEED_NO_APP.includes(p.name)))
  buildApp({ base: E2E_BASE, outDir: E2E_DIST });
const fresh = new Map<string, Figure[]>();
let files: Record<string, unknown> = {};
for (const part of chosen) {
  const result = await part.run();
  fresh.set(part.name, result.figures);
  files = { ...files, ...result.files };
}

// A partial run keeps the last full run's other figures; each figure remembers its part.
const last: Stored = only
  ? (JSON.parse(await readFile('bench/results.json', 'utf8')) as Stored)
  : { figures: [] };
const order = [...TABLE_ORDER, ...PARTS.map((p) => p.name).filter((n) => !TABLE_ORDER.includes(n))];
const all = order.flatMap((name) =>
  (fresh.get(name) ?? last.figures.filter((f) => f.part === name)).map((f) => ({
    ...f,
    part: name,
  })),
);
await writeResults(all, only ? { ...last.firstLoadFiles, ...files } : files);

async function writeResults(figures: Stored['figures'], firstLoadFiles: Record<string, unknown>) {
  const results = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    runs,
    figures,
    firstLoadFiles,
  };
  const md = `${table(figures)}\n\n${engineTable(figures.filter(isEngine))}\n\n_${results.when}, ${results.machine.cpus} cores, Node ${results.machine.node}, ${runs} runs each._\n`;
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  await writeFile('bench/results.md', md);
  await writeReadmeTables({
    figures: table(figures),
    engines: engineTable(figures.filter(isEngine)),
  });
  console.log(md);
}
