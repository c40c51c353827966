/**
 * One IntersectionObserver for every cover on screen (hundreds of rows would otherwise each own
 * one). The margin starts loading a little before a cover scrolls in, like `loading="lazy"`,
 * but closer: Chromium's lazy margin (1,250 px and more) covers a virtual list's whole overscan.
 */
const MARGIN = '200px';
const watchers = new Map<Element, (near: boolean) => void>();
let observer: IntersectionObserver | null = null;

function theObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) watchers.get(entry.target)?.(entry.isIntersecting);
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
  watchers.set(element, onChange);
  theObserver().observe(element);
  return () => {
    watchers.delete(element);
    observer?.unobserve(element);
  };
}
