/**
 * Scripts the benches put into pages. tsx (esbuild) names functions with a `__name` helper that
 * pages don't have: NAME_SHIM gives them one, before any function is sent to a page.
 */
export const NAME_SHIM = 'window.__name = (fn) => fn;';

/**
 * Records every long task's duration while `__recording` is set (a bench sets it around what it
 * measures). Installed as an init script, before the app's own.
 */
export const observeLongTasks = () => {
  const w = window as unknown as { __longTasks: number[]; __recording: boolean };
  w.__longTasks = [];
  w.__recording = false;
  new PerformanceObserver((list) => {
    if (!w.__recording) return;
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
};
