/**
 * Requests that must still go out as the page goes away (Plex's `stopped`, transcode stops).
 * Chromium drops an unloading page's keepalive fetches and beacons to a LAN address once Local
 * Network Access applies (docs/decisions/009), but a service worker outlives the page: the
 * worker sends them (public/sw-page-away.js). With no worker in control yet (a first visit, the
 * dev server), a keepalive fetch is the best there is.
 */
export const PAGE_AWAY_MESSAGE = 'plexm8:send-as-page-leaves';
export const PAGE_AWAY_PING = 'plexm8:page-away-ping';

export interface PageAwayEnv {
  fetch(url: string, init: RequestInit): Promise<unknown>;
}

const browserEnv: PageAwayEnv = { fetch: (url, init) => fetch(url, init) };

type Worker = Pick<ServiceWorker, 'postMessage'>;

/**
 * The worker that will send for the page, once it has said it can: an older worker (an update
 * not yet accepted) controls the page without this handler, and a message to it would be lost.
 * Asked at start and whenever another worker takes over.
 */
export function pageAwayWorker(
  container: ServiceWorkerContainer | undefined = typeof navigator === 'undefined'
    ? undefined
    : navigator.serviceWorker,
): () => Worker | null {
  let ready: Worker | null = null;
  const ask = () => {
    ready = null;
    const worker = container?.controller;
    if (!worker) return;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (container?.controller === worker) ready = worker;
    };
    worker.postMessage({ type: PAGE_AWAY_PING }, [channel.port2]);
  };
  container?.addEventListener('controllerchange', ask);
  ask();
  return () => (ready && container?.controller === ready ? ready : null);
}

export function sendAsPageLeaves(
  urls: string[],
  worker: Worker | null,
  env: PageAwayEnv = browserEnv,
): void {
  if (urls.length === 0) return;
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
