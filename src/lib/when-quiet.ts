/**
 * Resolves once the page is loaded and its network has been quiet for `quietMs` (no resource has
 * finished loading in that time), or `atMostMs` after it was asked, at a moment the main thread
 * is idle. Work the first screen doesn't need (registering the service worker, fetching other
 * screens' code) waits for this, so it never competes with the first screen for the link or the
 * CPU (docs/decisions/022).
 */
export function whenQuiet(quietMs = 2_000, atMostMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    // A screen that never stops fetching (artwork of a long list scrolled at once) must not
    // hold back the service worker for ever.
    const until = performance.now() + atMostMs;
    const check = () => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const lastEnd = resources.reduce((end, r) => Math.max(end, r.responseEnd), 0);
      const wait = Math.min(lastEnd + quietMs, until) - performance.now();
      if (wait > 0) setTimeout(check, wait);
      else idle(resolve);
    };
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  });
}

function idle(run: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(run, { timeout: 1_000 });
  else setTimeout(run, 0);
}

let intent: Promise<void> | null = null;

/** The user's first press of a pointer or key: they are about to do something (play, most likely). */
export function firstIntent(): Promise<void> {
  intent ??= new Promise((resolve) => {
    const events = ['pointerdown', 'keydown', 'touchstart'] as const;
    const done = () => {
      for (const type of events) window.removeEventListener(type, done, true);
      resolve();
    };
    for (const type of events)
      window.addEventListener(type, done, { capture: true, passive: true });
  });
  return intent;
}

let wanted: Promise<void> | null = null;

/**
 * For what a press may need at once (the player's code, the service worker): once the first
 * screen is quiet, or at the user's first press if that comes sooner (a tap must never wait for
 * the player's code). Everything else waits for whenQuiet().
 */
export function whenWanted(): Promise<void> {
  wanted ??= Promise.race([whenQuiet(), firstIntent()]);
  return wanted;
}
