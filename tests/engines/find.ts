import type { Target } from './driver';

/** A target as it crosses into the page: a RegExp doesn't survive serialisation. */
export interface SentTarget {
  role: string;
  source: string;
  flags: string;
  exact: boolean;
  plain: boolean;
  within: string | null;
  mark: string;
  /** About to be used: scrolled to the middle, clear of the fixed mini player and tab bar. */
  reveal: boolean;
}

export const MARK_ATTRIBUTE = 'data-engine-target';

export function sendTarget(target: Target, mark: string, reveal = false): SentTarget {
  const plain = typeof target.name === 'string';
  return {
    role: target.role ?? 'text',
    source: typeof target.name === 'string' ? target.name : target.name.source,
    flags: typeof target.name === 'string' ? '' : target.name.flags,
    exact: target.exact ?? false,
    plain,
    within: target.within ?? null,
    mark,
    reveal,
  };
}

/**
 * Runs in the page (sent as source, so it must not use anything outside itself): finds the first
 * visible element with the role and accessible name, marks it with the attribute for the driver's
 * native click, and says whether one was found. Names follow the accessible-name rules as far as
 * PlexM8's markup needs: aria-label, then aria-labelledby, then the text.
 */
export function findInPage(t: SentTarget): boolean {
  const selectors: Record<string, string> = {
    button: 'button, [role="button"]',
    link: 'a[href], [role="link"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    slider: 'input[type="range"], [role="slider"]',
    searchbox: 'input[type="search"], [role="searchbox"]',
    region: 'section[aria-label], section[aria-labelledby], [role="region"]',
    dialog: 'dialog, [role="dialog"]',
    list: 'ul, ol, [role="list"]',
    text: 'body *',
  };
  // Page errors for engines whose automation can't report them (WebKit over WebDriver).
  const w = window as unknown as { __engineProblems?: string[] };
  if (!w.__engineProblems) {
    const seen: string[] = [];
    w.__engineProblems = seen;
    window.addEventListener('error', (e) => seen.push(`error: ${e.message}`));
    window.addEventListener('unhandledrejection', (e) =>
      seen.push(`rejection: ${String(e.reason)}`),
    );
  }
  const root = t.within ? document.querySelector(t.within) : document.body;
  if (!root) return false;
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return squash(label);
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      return squash(
        by
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    }
    // The text, less what is hidden from assistive tech (icons marked aria-hidden).
    let text = '';
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.textContent ?? '';
    }
    return squash(text);
  };
  const matches = (name: string) => {
    if (!t.plain) return new RegExp(t.source, t.flags).test(name);
    return t.exact ? name === t.source : name.includes(t.source);
  };
  const visible = (el: Element) => {
    if (!(el instanceof HTMLElement) || el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('[inert]');
  };
  for (const old of Array.from(document.querySelectorAll(`[${'data-engine-target'}]`)))
    old.removeAttribute('data-engine-target');
  const candidates = Array.from(root.querySelectorAll(selectors[t.role] ?? selectors.text ?? '*'));
  // For bare text, the innermost element holding it: not <body>, which holds every text.
  const found = candidates.find((el) => {
    if (!visible(el) || !matches(nameOf(el))) return false;
    if (t.role !== 'text') return true;
    return !Array.from(el.children).some((child) => visible(child) && matches(nameOf(child)));
  });
  if (!found) return false;
  found.setAttribute('data-engine-target', t.mark);
  // Only when it isn't clear of the fixed bars already: a scroll would move the screen needlessly.
  const box = found.getBoundingClientRect();
  if (t.reveal && (box.top < 64 || box.bottom > window.innerHeight - 160))
    found.scrollIntoView({ block: 'center', inline: 'nearest' });
  return true;
}

let marks = 0;
export const nextMark = () => `t${(marks += 1)}`;
export const markedSelector = (mark: string) => `[${MARK_ATTRIBUTE}="${mark}"]`;

/**
 * Runs in the page, on the element about to be clicked: whether it has stopped moving (the same
 * box two frames apart) and is what a click at its centre would hit. A WebDriver click reads the
 * box, then clicks there: a grid that lays its cards out again in between (a notice above it, a
 * measured width) takes the click somewhere else. Playwright waits the same way before a click.
 */
export function isSettled(mark: string): Promise<boolean> {
  const el = document.querySelector(`[data-engine-target="${mark}"]`);
  if (!el) return Promise.resolve(false);
  const frame = () =>
    new Promise<void>((resolve) => {
      requestAnimationFrame(() => resolve());
      // A hidden window may run no frames: a short wait stands in.
      setTimeout(resolve, 100);
    });
  const box = () => JSON.stringify(el.getBoundingClientRect());
  return (async () => {
    const before = box();
    await frame();
    await frame();
    if (!el.isConnected || box() !== before) return false;
    const b = el.getBoundingClientRect();
    const hit = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  })();
}
