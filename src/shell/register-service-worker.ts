import { useSyncExternalStore } from 'react';
import { keepThisVersion, noteThisVersion } from './keep-this-version';

/**
 * Registers the service worker that precaches PlexM8's shell, so the app starts with no network.
 * A new version waits until the user says so ("Update available"), never on its own: reloading
 * by itself would cut off the music (docs/web-platform.md "Service worker"). Loaded after the
 * first paint.
 *
 * Several tabs: "Update now" in one makes the waiting worker take over all of them (each gets
 * the new controller), and vite-plugin-pwa would reload every tab that had shown the offer,
 * music playing or not. Only the tab where the user said so reloads; the others run on with the
 * code they have (kept in memory beforehand: keep-this-version.ts) and offer the new version.
 */
let applyUpdate: ((reload?: boolean) => Promise<void>) | null = null;
/** A newer version is waiting, or already in charge: this page runs an older one. */
let newer = false;
let dismissed = false;
/** "Later" was said while music played: the offer comes back once it stops. */
let putOffWhilePlaying = false;
/** The user took the update in this tab: the new worker's arrival reloads it. */
let taking = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function offer({ again }: { again: boolean }) {
  newer = true;
  if (again) dismissed = false;
  notify();
}

let registered = false;

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV || registered) return;
  registered = true;
  const startedUnder = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (taking) window.location.reload();
    // Another tab took the new version. A "Later" said here still holds: not while it plays.
    else if (startedUnder) offer({ again: false });
  });
  // A file of this version couldn't load (its worker and host have moved on): the screen says
  // it failed, and the way out is the new version.
  window.addEventListener('vite:preloadError', () => {
    if (startedUnder) offer({ again: true });
  });
  void import('virtual:pwa-register').then(({ registerSW }) => {
    applyUpdate = registerSW({
      immediate: true,
      onNeedRefresh() {
        // A first install is no update. After the sign-in redirect, the page that comes back
        // meets the worker the first page started installing, and workbox-window reports it as
        // an external, waiting one (seen in Firefox on a busy machine). Only a page some worker
        // already controls has an older version running.
        if (!navigator.serviceWorker.controller) return;
        void navigator.serviceWorker.getRegistration().then((registration) => {
          if (registration) void keepThisVersion(registration.scope);
        });
        offer({ again: true });
      },
      // The plugin reloads on any new controller once it has offered: the listener above decides.
      onNeedReload() {},
      onRegisteredSW(_url, registration) {
        if (!registration) return;
        void noteThisVersion(registration);
        // A long-lived tab (music playing all day) still hears of new versions.
        setInterval(() => void registration.update(), 60 * 60_000);
      },
    });
  });
}

export function useUpdateReady(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => newer && !dismissed,
    () => false,
  );
}

/**
 * The user chose to update: the waiting worker takes over and this page reloads when it does.
 * Already in charge (another tab took it), only this page is left to reload.
 */
export function updateNow(): void {
  taking = true;
  void navigator.serviceWorker.getRegistration().then((registration) => {
    if (registration?.waiting && applyUpdate) void applyUpdate(true);
    else window.location.reload();
  });
}

export function dismissUpdate({ whilePlaying = false }: { whilePlaying?: boolean } = {}): void {
  dismissed = true;
  putOffWhilePlaying = whilePlaying;
  notify();
}

/** The music stopped: a version put off while it played is offered again (not one put off idle). */
export function offerAgain(): void {
  if (!newer || !dismissed || !putOffWhilePlaying) return;
  dismissed = false;
  putOffWhilePlaying = false;
  notify();
}
