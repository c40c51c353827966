/**
 * When to offer installing (the offer's own chunk, with the banners: the first screen needs only
 * install-prompt.ts, which catches the browser's event from the start).
 */

import { isIos, runsInstalled } from '../lib/platform/browser-engine';
import { storageName } from '../lib/storage-names';

/** iOS Safari has no install prompt: people add PlexM8 from the Share sheet themselves. */
export function isIosSafariTab(): boolean {
  if (!isIos() || /CriOS|FxiOS|EdgiOS/.test(navigator.userAgent)) return false;
  return !runsInstalled();
}

/** "Not now" on the install offer holds for a month; the browser's own menu still installs. */
const dismissedKey = () => storageName('install-offer-dismissed-at');
const DISMISS_FOR_MS = 30 * 24 * 60 * 60 * 1000;

export function installOfferDismissed(now = Date.now()): boolean {
  const at = Number(localStorage.getItem(dismissedKey()));
  return Number.isFinite(at) && at > 0 && now - at < DISMISS_FOR_MS;
}

export function dismissInstallOffer(now = Date.now()): void {
  localStorage.setItem(dismissedKey(), String(now));
}
