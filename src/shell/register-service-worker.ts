import { useSyncExternalStore } from 'react';

/**
 * Registers the service worker that precaches PlexM8's shell, so the app starts with no network.
 * A new version waits until the user says so ("Update available"), never on its own: reloading
 * by itself would cut off the music (web-platform.md). Loaded after the first paint.
 */
let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
let updateReady = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    applyUpdate = registerSW({
      immediate: true,
      onNeedRefresh() {
        // A first install is no update. After the sign-in redirect, the page that comes back
        // meets the worker the first page started installing, and workbox-window reports it as
        // an external, waiting one (seen in Firefox on a busy machine). Only a page some worker
        // already controls has an older version running.
        if (!navigator.serviceWorker.controller) return;
        updateReady = true;
        notify();
      },
      // A long-lived tab (music playing all day) still hears of new versions.
      onRegisteredSW(_url, registration) {
        if (registration) setInterval(() => void registration.update(), 60 * 60_000);
      },
    });
  });
}

export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => updateReady,
    () => false,
  );
}

/** The user chose to update: the waiting worker takes over and the page reloads. */
export function updateNow(): void {
  void applyUpdate?.(true);
}

export function dismissUpdate(): void {
  updateReady = false;
  notify();
}
