/**
 * Requests that must still go out as the page goes away (Plex's `stopped`, transcode stops).
 * Chromium drops an unloading page's keepalive fetches and beacons to a LAN address once Local
 * Network Access applies (docs/decisions/009), but a service worker outlives the page: the
 * worker sends them (public/sw-page-away.js). With no worker in control yet (a first visit, the
 * dev server), a keepalive fetch is the best there is.
 */
export const PAGE_AWAY_MESSAGE = 'plexm8:send-as-page-leaves';

export interface PageAwayEnv {
  controller(): Pick<ServiceWorker, 'postMessage'> | null;
  fetch(url: string, init: RequestInit): Promise<unknown>;
}

const browserEnv: PageAwayEnv = {
  controller: () =>
    typeof navigator !== 'undefined' ? (navigator.serviceWorker?.controller ?? null) : null,
  fetch: (url, init) => fetch(url, init),
};

export function sendAsPageLeaves(urls: string[], env: PageAwayEnv = browserEnv): void {
  if (urls.length === 0) return;
  const worker = env.controller();
  if (worker) {
    worker.postMessage({ type: PAGE_AWAY_MESSAGE, urls });
    return;
  }
  for (const url of urls)
    void env
      .fetch(url, {
        keepalive: true,
        // Nothing is read back: no CORS needed, and a simple request either way.
        mode: 'no-cors',
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      })
      .catch(() => undefined);
}
