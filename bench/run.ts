/**
 * `npm run bench`: every PlexM8 benchmark in one go. Prints a table and writes bench/results.json
 * and bench/results.md. Figures are medians of several runs: these machines are noisy.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { benchFirstLoadJs } from './bundle-size';
import { benchConnectionChoice } from './connection-choice';
import { benchLibrary } from './chromium-library';
import { benchPlayer } from './chromium-player';
import { benchQueue } from './chromium-queue';
import { benchDownloads } from './chromium-downloads';
import { benchEngines } from './engines-player';
import { benchLighthouse } from './lighthouse';
import { engineTable, table, type Figure } from './stats';

const runs = Number(process.env.BENCH_RUNS ?? 7);
/**
 * `BENCH_ONLY=engines npm run bench`: just the per-engine player figures (about 5 minutes);
 * `BENCH_ONLY=queue`: just the 20,000-track queue's (about 2 minutes).
 */
const only = process.env.BENCH_ONLY;
const isEngineFigure = (f: Figure) => /^(chromium|firefox|webkit): /.test(f.name);
if (only === 'engines' || only === 'queue') {
  // Replaces these figures in the last full run's results, keeping the rest.
  const last = JSON.parse(await readFile('bench/results.json', 'utf8')) as {
    figures: Figure[];
    firstLoadFiles?: unknown;
  };
  const fresh =
    only === 'engines'
      ? await benchEngines(Math.max(runs, 15))
      : await benchQueue(Math.min(runs, 5));
  const isFresh =
    only === 'engines' ? isEngineFigure : (f: Figure) => f.name.startsWith('20k queue: ');
  // Where the stale figures stood, else before the engines' (last in a full run).
  const kept = last.figures.filter((f) => !isFresh(f));
  const stale = last.figures.findIndex(isFresh);
  const engines = kept.findIndex(isEngineFigure);
  const at = stale >= 0 ? stale : engines >= 0 ? engines : kept.length;
  const all = [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
  await writeResults(all, all.filter(isEngineFigure), last.firstLoadFiles);
  process.exit(0);
}
// The browser figures first: the fake Plex shares this process, and the in-process Vite build
// of the bundle figure leaves a heap whose collection would land in their timings.
const library = await benchLibrary(Math.min(runs, 5));
const queue = await benchQueue(Math.min(runs, 5));
// Each sound starts on the browser's next audio period (23 ms here), so one tap lands one period
// early or late by chance: the tap figures need more taps than the others for a steady median
// (medians of 15 taps ranged 1.1–1.4× where 40 taps said 1.12×).
const player = await benchPlayer(Math.max(runs, 31));
const downloads = await benchDownloads(Math.min(runs, 3));
const audits = await benchLighthouse(Math.min(runs, 3));
const choice = await benchConnectionChoice(runs);
const bundle = await benchFirstLoadJs();
// Firefox and WebKit last: their browsers are separate processes, started and gone per engine.
// 15 taps each: as for Chromium's, one audio period early or late is a tap's luck.
const engines = await benchEngines(Math.max(runs, 15));
const figures = [
  ...bundle.figures,
  ...choice,
  ...library,
  ...queue,
  ...player,
  ...downloads,
  ...audits,
  ...engines,
];

await writeResults(figures, engines, bundle.files);

async function writeResults(all: Figure[], engines: Figure[], firstLoadFiles?: unknown) {
  const results = {
    when: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    runs,
    figures: all,
    firstLoadFiles,
  };
  const md = `${table(all)}\n\n${engineTable(engines)}\n\n_${results.when}, ${results.machine.cpus} cores, Node ${results.machine.node}, ${runs} runs each._\n`;
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  await writeFile('bench/results.md', md);
  console.log(md);
}
