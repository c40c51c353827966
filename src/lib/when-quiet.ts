/**
 * Resolves once the page is loaded and its network has been quiet for `quietMs` (no resource has
 * finished loading in that time), or `atMostMs` after it was asked, at a moment the main thread
 * is idle. Work the first screen doesn't need (other screens' code, the downloads) waits for
 * this, so it never competes with the first screen for the link or the CPU (docs/decisions/022).
 */
export function whenQuiet(quietMs = 2_000, atMostMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    // A screen that never stops fetching (artwork of a long list scrolled at once) must not
    // hold back the rest for ever.
    const until = performance.now() + atMostMs;
    const check = () => {
      // A page torn down while this waited (a test's environment after its last test): no one
      // is left to resolve for.
      if (typeof window === 'undefined') return;
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
