/**
 * When to offer installing (the offer's own chunk, with the banners: the first screen needs only
 * install-prompt.ts, which catches the browser's event from the start).
 */

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
