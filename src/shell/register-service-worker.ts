/**
 * Registers the service worker that precaches PlexM8's shell, so the app starts with no network.
 * A new version waits until the user agrees to reload (the update prompt), never on its own.
 * Loaded after first paint: registration is not on the critical path.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
}
