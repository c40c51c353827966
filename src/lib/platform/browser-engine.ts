/** What tells Safari's engine (WebKit) apart: the user agent, touch points, Apple's own events. */
export interface EngineClues {
  userAgent: string;
  maxTouchPoints: number;
  /** `GestureEvent` exists: only Apple's WebKit builds (Safari on macOS and iOS) have it. */
  gestureEvents: boolean;
}

function cluesHere(): EngineClues {
  if (typeof navigator === 'undefined')
    return { userAgent: '', maxTouchPoints: 0, gestureEvents: false };
  return {
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    gestureEvents: typeof window !== 'undefined' && 'GestureEvent' in window,
  };
}

/** An iPhone, iPod or iPad (iPadOS asks for desktop pages as a Mac, but has a touch screen). */
export function isIos({ userAgent, maxTouchPoints }: EngineClues = cluesHere()): boolean {
  return (
    /iPhone|iPad|iPod/.test(userAgent) || (userAgent.includes('Macintosh') && maxTouchPoints > 1)
  );
}

/**
 * The page runs in Safari's engine, with Safari's storage and media rules. Every browser on iOS
 * is WebKit under its own name (Chrome's CriOS, Firefox's FxiOS, Edge's EdgiOS), so all of them
 * count; elsewhere it is Safari (GestureEvent), or a WebKit user agent that names no Chromium or
 * Firefox (Chromium's own still says "AppleWebKit … Safari").
 */
export function isSafariEngine(clues: EngineClues = cluesHere()): boolean {
  if (isIos(clues)) return true;
  if (clues.gestureEvents) return true;
  const ua = clues.userAgent;
  return /AppleWebKit\/.*Safari\//.test(ua) && !/Chrome|Chromium|CriOS|FxiOS|Edg/.test(ua);
}

/** How the page was opened: from the Home Screen (an installed app) or in a browser tab. */
export interface LaunchClues {
  standaloneDisplay: boolean;
  /** iOS Safari's own flag for a page opened from the Home Screen. */
  navigatorStandalone: boolean;
}

function launchHere(): LaunchClues {
  if (typeof window === 'undefined')
    return { standaloneDisplay: false, navigatorStandalone: false };
  return {
    standaloneDisplay: window.matchMedia?.('(display-mode: standalone)').matches ?? false,
    navigatorStandalone: (navigator as Navigator & { standalone?: boolean }).standalone === true,
  };
}

/** Opened as the installed app, not in a tab (the manifest's display is standalone). */
export function runsInstalled(clues: LaunchClues = launchHere()): boolean {
  return clues.standaloneDisplay || clues.navigatorStandalone;
}
