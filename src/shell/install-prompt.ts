import { useSyncExternalStore } from 'react';

/** Chromium's install event (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/**
 * "Install app": Chromium offers `beforeinstallprompt` once the app is installable; it may fire
 * before React mounts, so it is caught from the start (main.tsx) and kept until used.
 */
let deferred: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function listenForInstallPrompt(): void {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    notify();
  });
  window.addEventListener('appinstalled', () => {
    deferred = null;
    notify();
  });
}

export function useCanInstall(): boolean {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => void listeners.delete(l)),
    () => deferred !== null,
    () => false,
  );
}

export async function promptInstall(): Promise<void> {
  const event = deferred;
  if (!event) return;
  await event.prompt();
  await event.userChoice.catch(() => undefined);
  deferred = null;
  notify();
}

/** iOS Safari has no install prompt: people add PlexM8 from the Share sheet themselves. */
export function isIosSafariTab(): boolean {
  const ua = navigator.userAgent;
  const ios =
    /iPhone|iPad|iPod/.test(ua) || (ua.includes('Macintosh') && navigator.maxTouchPoints > 1);
  if (!ios || /CriOS|FxiOS|EdgiOS/.test(ua)) return false;
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    window.matchMedia?.('(display-mode: standalone)').matches;
  return !standalone;
}

/** "Not now" on the install offer holds for a month; the browser's own menu still installs. */
const DISMISSED_KEY = 'plexm8-install-offer-dismissed-at';
const DISMISS_FOR_MS = 30 * 24 * 60 * 60 * 1000;

export function installOfferDismissed(now = Date.now()): boolean {
  const at = Number(localStorage.getItem(DISMISSED_KEY));
  return Number.isFinite(at) && at > 0 && now - at < DISMISS_FOR_MS;
}

export function dismissInstallOffer(now = Date.now()): void {
  localStorage.setItem(DISMISSED_KEY, String(now));
}
