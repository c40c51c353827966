/**
 * What runs in the long tasks of opening the 20,000-track playlist: a CDP CPU profile from the
 * tap until every page has arrived and the list is saved, cut into tasks (runs of samples with
 * no idle between them), and for each task over 40 ms the functions it spent its time in.
 *
 * Not a bench part: a tool for decision 025. `npx tsx bench/profile-playlist-open.ts`
 * (PROFILE_BUILD=0 reuses the last e2e build; the default builds unminified, for names).
 */
import { execFileSync } from 'node:child_process';
import { PHONE } from '../tests/e2e/browser';
import { openPage, startE2E } from '../tests/e2e/harness';
import { E2E_APP_URL, E2E_BASE, E2E_DIST, E2E_PLEX_TV } from '../tests/e2e/ports';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

if (process.env.PROFILE_BUILD !== '0') {
  execFileSync(
    'npx',
    // Unminified, for names in the profile.
    [
      'vite',
      'build',
      '--mode',
      'production',
      '--minify',
      'false',
      '--outDir',
      E2E_DIST,
      '--emptyOutDir',
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BASE_PATH: E2E_BASE,
        VITE_PLEX_TV_URL: E2E_PLEX_TV,
        VITE_PLEX_CLIENTS_URL: E2E_PLEX_TV,
        VITE_PLEX_APP_URL: E2E_PLEX_TV,
      },
    },
  );
}

const e2e = await startE2E();
try {
  const o = await openPage(e2e, PHONE);
  const { page } = o;
  await page.context().addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Road Trip').waitFor();
  // The page's own long-task entries say where each task began and ended (a profile alone can't
  // tell two tasks apart when one follows another with no idle between them).
  await page.evaluate(() => {
    const w = window as unknown as { __tasks: { at: number; ms: number }[] };
    w.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__tasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
  });
  const cdp = await o.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  // A marker: 30 ms in a function of that name, at a known performance.now(), lines the
  // profile's clock up with the page's.
  // A string, so the function keeps its name (tsx wraps named arrows in a helper).
  const markerAt = await page.evaluate<number>(`(() => {
    const at = performance.now();
    function __profileMarker() {
      while (performance.now() < at + 30) {}
    }
    __profileMarker();
    return at;
  })()`);
  await page.getByRole('link', { name: /Everything × 20,000/ }).click();
  await page.locator('ul[aria-label^="Tracks in"] [aria-posinset="1"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('.progress-note[role="status"]'), {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const tasks = await page.evaluate(
    () => (window as unknown as { __tasks: { at: number; ms: number }[] }).__tasks,
  );
  report(profile, markerAt, tasks);
  await o.context.close();
} finally {
  await e2e.stop();
}

function report(profile: Profile, markerAt: number, pageTasks: { at: number; ms: number }[]) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
  };
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  // The page's clock (ms) at a profile time (µs): the marker's first sample is at markerAt.
  const markerIndex = profile.samples.findIndex(
    (id) => byId.get(id)?.callFrame.functionName === '__profileMarker',
  );
  if (markerIndex < 0) throw new Error('no marker in the profile');
  const offset = markerAt - (times[markerIndex] ?? 0) / 1000;
  const pageTime = (i: number) => (times[i] ?? 0) / 1000 + offset;
  for (const task of pageTasks) {
    if (task.at < markerAt + 30) continue;
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i += 1) {
      const at = pageTime(i);
      if (at < task.at || at > task.at + task.ms) continue;
      const dt = ((times[i + 1] ?? times[i] ?? 0) - (times[i] ?? 0)) / 1000;
      let id: number | undefined = profile.samples[i];
      const node = id === undefined ? undefined : byId.get(id);
      if (node) self.set(label(node), (self.get(label(node)) ?? 0) + dt);
      const seen = new Set<string>();
      while (id !== undefined) {
        const n = byId.get(id);
        if (!n) break;
        const l = label(n);
        if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + dt);
        seen.add(l);
        id = parent.get(id);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([l, v]) => `    ${v.toFixed(1).padStart(6)} ms  ${l}`)
        .join('\n');
    console.log(`task at ${(task.at - markerAt).toFixed(0)} ms: ${task.ms.toFixed(1)} ms`);
    console.log(`  self:\n${top(self, 12)}`);
    console.log(`  inclusive:\n${top(inclusive, 30)}`);
  }
}
