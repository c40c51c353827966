/*
 * Loaded into PlexM8's service worker (vite.config.ts, workbox importScripts). A page that is
 * going away hands over the requests it could not finish itself (Plex's "stopped", transcode
 * stops): Chromium drops an unloading page's requests to a LAN address, but the worker outlives
 * the page and sends them (src/features/player/page-away.ts, docs/decisions/009).
 */
self.addEventListener('message', (event) => {
  const data = event.data;
  // The page asks first whether this worker sends for it (an older one doesn't).
  if (data && data.type === 'plexm8:page-away-ping') {
    event.ports[0]?.postMessage('plexm8:page-away-pong');
    return;
  }
  if (!data || data.type !== 'plexm8:send-as-page-leaves' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((url) => typeof url === 'string' && /^https?:\/\//.test(url));
  event.waitUntil(
    Promise.all(
      urls.map((url) =>
        fetch(url, {
          mode: 'no-cors',
          cache: 'no-store',
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
        }).catch(() => undefined),
      ),
    ),
  );
});
