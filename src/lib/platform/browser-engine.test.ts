import { describe, expect, it } from 'vitest';
import { isSafariEngine, runsInstalled, type EngineClues } from './browser-engine';

const ua = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  iphoneChrome:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/123.0.6312.52 Mobile/15E148 Safari/604.1',
  iphoneFirefox:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/124.0 Mobile/15E148 Safari/605.1.15',
  /** Safari on a Mac, and iPadOS asking for desktop pages. */
  macSafari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  /** Chrome on a Mac (an iPad's Chrome asking for desktop pages looks the same, with touch). */
  macChrome:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  /** WebKitGTK's MiniBrowser (docs/web-platform.md): Safari's engine on Linux. */
  webkitGtk:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15',
};
const clues = (userAgent: string, more: Partial<EngineClues> = {}): EngineClues => ({
  userAgent,
  maxTouchPoints: 0,
  gestureEvents: false,
  ...more,
});

describe('isSafariEngine', () => {
  it('counts every iOS browser, Chrome and Firefox there included (all are WebKit)', () => {
    expect(isSafariEngine(clues(ua.iphoneSafari, { maxTouchPoints: 5 }))).toBe(true);
    expect(isSafariEngine(clues(ua.iphoneChrome, { maxTouchPoints: 5 }))).toBe(true);
    expect(isSafariEngine(clues(ua.iphoneFirefox, { maxTouchPoints: 5 }))).toBe(true);
    // iPadOS asks for desktop pages as a Mac: the touch screen gives it away.
    expect(isSafariEngine(clues(ua.macChrome, { maxTouchPoints: 5 }))).toBe(true);
  });

  it('counts Safari on a Mac and other WebKit browsers', () => {
    expect(isSafariEngine(clues(ua.macSafari, { gestureEvents: true }))).toBe(true);
    expect(isSafariEngine(clues(ua.macSafari))).toBe(true);
    expect(isSafariEngine(clues(ua.webkitGtk))).toBe(true);
  });

  it('does not count Chromium or Firefox, whatever their user agents borrow from Safari', () => {
    expect(isSafariEngine(clues(ua.macChrome))).toBe(false);
    expect(isSafariEngine(clues(ua.androidChrome, { maxTouchPoints: 5 }))).toBe(false);
    expect(isSafariEngine(clues(ua.edge))).toBe(false);
    expect(isSafariEngine(clues(ua.firefox))).toBe(false);
  });
});

describe('runsInstalled', () => {
  it('is true from the Home Screen (display-mode or iOS’s navigator.standalone), false in a tab', () => {
    expect(runsInstalled({ standaloneDisplay: true, navigatorStandalone: false })).toBe(true);
    expect(runsInstalled({ standaloneDisplay: false, navigatorStandalone: true })).toBe(true);
    expect(runsInstalled({ standaloneDisplay: false, navigatorStandalone: false })).toBe(false);
  });
});
