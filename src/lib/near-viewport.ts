/**
 * One IntersectionObserver for every cover on screen (hundreds of rows would otherwise each own
 * one). The margin starts loading a little before a cover scrolls in, like `loading="lazy"`,
 * but closer: Chromium's lazy margin (1,250 px and more) covers a virtual list's whole overscan.
 * While the page is being scrolled, covers that come into view are told only once it rests
 * (SETTLE_MS without a scroll event): a fling through 20,000 rows passes hundreds of covers, and
 * each would otherwise start a fetch only to abort it a few milliseconds later.
 */
const MARGIN = '200px';
const SETTLE_MS = 120;

interface Watch {
  onChange: (near: boolean) => void;
  intersecting: boolean;
  told: boolean;
}

const watches = new Map<Element, Watch>();
let observer: IntersectionObserver | null = null;
let lastScroll = Number.NEGATIVE_INFINITY;
let settleTimer: ReturnType<typeof setTimeout> | undefined;

function tell(watch: Watch, near: boolean): void {
  if (watch.told === near) return;
  watch.told = near;
  watch.onChange(near);
}

function whenSettled(): void {
  clearTimeout(settleTimer);
  const wait = lastScroll + SETTLE_MS - performance.now();
  if (wait > 0) {
    settleTimer = setTimeout(whenSettled, wait);
    return;
  }
  settleTimer = undefined;
  for (const watch of watches.values()) if (watch.intersecting) tell(watch, true);
}

function onScroll(): void {
  lastScroll = performance.now();
  settleTimer ??= setTimeout(whenSettled, SETTLE_MS);
}

function theObserver(): IntersectionObserver {
  if (observer) return observer;
  // Capture: scroll events don't bubble, and a list may scroll inside an element.
  addEventListener('scroll', onScroll, { capture: true, passive: true });
  observer = new IntersectionObserver(
    (entries) => {
      const scrolling = performance.now() - lastScroll < SETTLE_MS;
      for (const entry of entries) {
        const watch = watches.get(entry.target);
        if (!watch) continue;
        watch.intersecting = entry.isIntersecting;
        if (!entry.isIntersecting) tell(watch, false);
        else if (!scrolling) tell(watch, true);
      }
      if (scrolling) settleTimer ??= setTimeout(whenSettled, SETTLE_MS);
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * Tells `onChange` whether `element` is on or near the screen, now and as that changes. Without
 * IntersectionObserver (old engines, jsdom) everything counts as near, as before lazy loading.
 */
export function watchNearViewport(element: Element, onChange: (near: boolean) => void): () => void {
  if (typeof IntersectionObserver === 'undefined') {
    onChange(true);
    return () => undefined;
  }
  watches.set(element, { onChange, intersecting: false, told: false });
  theObserver().observe(element);
  return () => {
    watches.delete(element);
    observer?.unobserve(element);
  };
}
