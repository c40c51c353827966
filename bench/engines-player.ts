import { startServers, type Servers } from '../tests/e2e/harness';
import { E2E_FAKE_PORTS } from '../tests/e2e/ports';
import { DESKTOP_SIZE, poll, type EngineName, type EnginePage } from '../tests/engines/driver';
import { ENGINES, launchEngine } from '../tests/engines/engines';
import { openRoadTrip, signIn } from '../tests/engines/flows';
import { startSoundOutput } from '../tests/engines/sound-output';
import { addBareButton, watchAudio } from './chromium-player';
import { figure, median, type Figure } from './stats';

/**
 * Tap-to-play and the track-to-track gap in every engine, each against that engine's own floor
 * in the same run: the same native click on a bare button doing `new Audio(url).play()`.
 * Measured with bench/chromium-player.ts's watcher (the element's own clock start, from the
 * tap's pointerdown), but installed after sign-in: only Playwright can run a script before the
 * app's.
 */

/** Forgets the marks so far, before a measured tap or run of hand-overs. */
const resetMarks = () => {
  const w = window as unknown as { __starts: number[]; __ends: number[]; __clickAt?: number };
  w.__starts = [];
  w.__ends = [];
  // A tap whose pointerdown never came must not be timed from the one before.
  w.__clickAt = undefined;
};

/** ms from the tap's pointerdown to the first sound, once there is one. */
async function tapToSound(page: EnginePage): Promise<number> {
  return poll(
    'a sound after the tap',
    () =>
      page.evaluate(() => {
        const w = window as unknown as { __starts: number[]; __clickAt?: number };
        const start = w.__starts[0];
        return start !== undefined && w.__clickAt !== undefined ? start - w.__clickAt : null;
      }),
    10_000,
  );
}

const stopBare = () => {
  const w = window as unknown as { __bare?: HTMLAudioElement };
  w.__bare?.pause();
  w.__bare?.removeAttribute('src');
  w.__bare?.load();
  document.getElementById('bare-play')?.remove();
};

/**
 * Each track's end paired with the start nearest to it in time (a next track started early
 * starts before its predecessor ends): not by index, which one stray start would shift by a
 * whole track.
 */
function handOvers(starts: number[], ends: number[]): { gaps: number[]; missed: number } {
  // Every end but the last (whose successor may not have been seen yet) must meet a start
  // within two seconds; one that doesn't is a hand-over that failed or stalled, counted apart
  // so it can't pass as a long gap, nor hide.
  const gaps: number[] = [];
  let missed = 0;
  for (const end of ends.slice(0, Math.max(0, starts.length - 1))) {
    const next = starts
      .slice(1)
      .reduce((best, s) => (Math.abs(s - end) < Math.abs(best - end) ? s : best), Infinity);
    if (Math.abs(next - end) < 2_000) gaps.push(next - end);
    else missed += 1;
  }
  return { gaps, missed };
}

interface EngineRun {
  app: number[];
  floor: number[];
  gaps: number[];
  missed: number;
}

/** Road Trip's tracks that every engine plays as files (no ALAC, which needs the transcoder). */
function directTracks(servers: Servers): Array<{ title: string; partUrl: string }> {
  const server = servers.fake.model.servers[0];
  const trip = server?.library.playlists.find((p) => p.title === 'Road Trip');
  if (!server || !trip) throw new Error('no Road Trip in the fake');
  const origin = `http://127.0.0.1:${E2E_FAKE_PORTS.living.local}`;
  return Array.from({ length: trip.size }, (_, i) => trip.itemAt(i))
    .filter((t) => t.file.codec !== 'alac')
    .map((t) => ({
      title: t.title,
      partUrl: `${origin}/library/parts/${t.partId}/1732000000/${t.file.name.replace(/^.*\./, 'file.')}?X-Plex-Token=${server.accessToken}`,
    }));
}

async function runEngine(name: EngineName, servers: Servers, taps: number): Promise<EngineRun> {
  const engine = await launchEngine(name);
  const run: EngineRun = { app: [], floor: [], gaps: [], missed: 0 };
  try {
    const page = await engine.open(DESKTOP_SIZE);
    await signIn(page);
    await openRoadTrip(page);
    await page.evaluate(watchAudio);
    // A different track each tap (15 play as files), so no tap finds its file in the cache.
    const tracks = directTracks(servers).slice(1, taps + 1);
    for (const [i, track] of tracks.entries()) {
      // Scrolled into view first, and left to settle: the list re-renders rows on a scroll,
      // which the bare button (fixed, never scrolled) would not pay for.
      const row = { role: 'button', name: `Play ${track.title}` } as const;
      await page.reveal(row);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await page.evaluate(resetMarks);
      await page.click(row);
      run.app.push(await tapToSound(page));
      await page.click({ role: 'button', name: 'Pause', exact: true, within: '.mini-player' });
      await page.evaluate(resetMarks);
      // A URL of its own each time, so neither side finds the file in the HTTP cache.
      await page.evaluate(addBareButton, `${track.partUrl}&bare=${i}`);
      await page.click({ role: 'button', name: 'Bare play', exact: true });
      run.floor.push(await tapToSound(page));
      await page.evaluate(stopBare);
    }
    // Natural hand-overs: each 8-second track plays to its end and the next takes over.
    await page.evaluate(resetMarks);
    await page.click({ role: 'button', name: /Play Departure Board/ });
    const marks = await poll(
      'five hand-overs',
      () =>
        page.evaluate(() => {
          const w = window as unknown as { __starts: number[]; __ends: number[] };
          return w.__starts.length > 5 ? { starts: w.__starts, ends: w.__ends } : null;
        }),
      60_000,
    );
    Object.assign(run, handOvers(marks.starts, marks.ends));
  } finally {
    await engine.close();
  }
  return run;
}

/** Per engine: tap-to-play, its floor, their ratio, and the gap between tracks. */
export async function benchEngines(taps = 7): Promise<Figure[]> {
  const stopSound = startSoundOutput();
  const figures: Figure[] = [];
  try {
    for (const name of ENGINES) {
      const servers = await startServers();
      try {
        const run = await runEngine(name, servers, taps);
        const ratio = median(run.app) / median(run.floor);
        figures.push(
          figure(`${name}: tap → audio playing, mouse`, 'ms', run.app, '≤ 150 ms', (m) => m <= 150),
          figure(
            `${name}: same tap, bare new Audio(url).play() (floor)`,
            'ms',
            run.floor,
            'report',
            () => true,
          ),
          figure(`${name}: tap-to-play ÷ floor`, '×', [ratio], '≤ 1.3×', (m) => m <= 1.3),
          figure(
            `${name}: gap between tracks (end → next playing)`,
            'ms',
            run.gaps,
            // Negative: the next track sounded before the last one ended (an overlap).
            'within ±25 ms',
            (m) => Math.abs(m) <= 25,
          ),
          figure(`${name}: hand-overs missed`, 'of 5', [run.missed], '0', (m) => m === 0),
        );
      } finally {
        await servers.stop();
      }
    }
  } finally {
    stopSound();
  }
  return figures;
}
