/**
 * A tab may run this version for hours after another tab took a new one (music playing): once
 * the new worker takes over it deletes this version's files from its cache (workbox-precaching
 * drops, on activation, what its manifest no longer lists) and the host serves only the new
 * release, so code this tab hasn't loaded yet (a dialog, the refusal check) would fail to load.
 * While this version's worker still serves them, the tab takes the rest of its code into memory:
 * scripts as module preloads (fetched and compiled, run only when imported) and this build's
 * stylesheets applied (they only ever add up as screens open).
 */
let own: string[] | null = null;

/** The precache's scripts and styles of the app at `scope` (its own cache: a shared origin has others). */
function assetsOf(urls: readonly string[], scope: string): string[] {
  const assets = new URL('assets/', scope).href;
  // Hashed files, cached under their own URL (no revision query): what the page itself asks for.
  return urls.filter((url) => url.startsWith(assets) && /^[^?#]+\.(js|css)$/.test(url));
}

async function precached(scope: string): Promise<string[]> {
  const names = (await caches.keys()).filter((n) => n.includes('-precache-') && n.endsWith(scope));
  const urls: string[] = [];
  for (const name of names)
    for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
  return assetsOf(urls, scope);
}

/**
 * Notes this version's files while they are all its worker's cache holds: this page runs under
 * that worker and nothing newer is installing (an install writes into the same cache).
 */
export async function noteThisVersion(registration: {
  scope: string;
  installing: object | null;
  waiting: object | null;
}): Promise<void> {
  if (typeof caches === 'undefined') return;
  const controller = navigator.serviceWorker.controller;
  const settled = () =>
    controller !== null &&
    navigator.serviceWorker.controller === controller &&
    !registration.installing &&
    !registration.waiting;
  if (!settled()) return;
  const files = await precached(registration.scope);
  if (settled()) own = files;
}

const isStyle = (url: string) => url.endsWith('.css');

function present(url: string, style: boolean): boolean {
  for (const link of document.querySelectorAll('link'))
    if (link.href === url && (!style || link.rel === 'stylesheet')) return true;
  for (const script of document.querySelectorAll('script')) if (script.src === url) return true;
  return false;
}

/**
 * A new version is waiting: take in what is left of this one. Without a note of this version's
 * files (the page opened with an update already waiting) every script the cache holds is taken,
 * both versions' (a preload never runs them), and no stylesheet.
 */
export async function keepThisVersion(scope: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const files = own ?? (await precached(scope)).filter((url) => !isStyle(url));
  for (const url of files) {
    const style = isStyle(url);
    if (present(url, style)) continue;
    const link = document.createElement('link');
    link.rel = style ? 'stylesheet' : 'modulepreload';
    // As Vite's own preloads: the module map keys on the URL, a stylesheet link on href + rel.
    link.crossOrigin = '';
    link.href = url;
    document.head.append(link);
  }
}
