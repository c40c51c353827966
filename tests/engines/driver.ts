/**
 * One small surface over three automation APIs (Playwright for Chromium, puppeteer over WebDriver
 * BiDi for Firefox, WebDriver for WebKitGTK), so each flow is written once and runs in every
 * engine. Elements are found the way a person names them (role + visible name) by one in-page
 * finder (find.ts); clicks and keys go through each API's native input, so they count as user
 * gestures (autoplay, media session).
 */

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** What a person looks for: "the button called Play", "the heading Playlists", a bit of text. */
export interface Target {
  role?:
    'button' | 'link' | 'heading' | 'slider' | 'searchbox' | 'dialog' | 'list' | 'region' | 'text';
  name: string | RegExp;
  /** Whole-name match for strings (default: the name contains it). */
  exact?: boolean;
  /** Only inside the first element matching this CSS selector. */
  within?: string;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs a self-contained function in the page (no closures: it is sent as source). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Waits for the target to be visible, then clicks it with the engine's own pointer input. */
  click(target: Target, timeoutMs?: number): Promise<void>;
  /** Focuses the target and presses a key ('End', 'Space', …) with native keyboard input. */
  press(target: Target, key: 'End' | 'Home' | 'ArrowRight' | 'Space'): Promise<void>;
  /** Types text into the target (a search box) as keystrokes. */
  fill(target: Target, text: string): Promise<void>;
  waitFor(target: Target, timeoutMs?: number): Promise<void>;
  /** Scrolls the target to the middle of the window, as a person would before tapping it. */
  reveal(target: Target): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Uncaught page errors and rejections so far. */
  problems(): Promise<string[]>;
  /** What the page printed, where the API reports it (Chromium, Firefox): no token may be in it. */
  readonly consoleLines: string[];
  /** Requests to anywhere but loopback, where the API sees requests (Chromium, Firefox). */
  readonly offLoopback: string[];
  /** Requests sent and not yet answered, without their queries (Firefox): printed on a failure. */
  unanswered?(): string[];
}

export interface EngineBrowser {
  readonly engine: EngineName;
  /** A page in a fresh profile of its own (storage, service workers), at this size. */
  open(viewport: Viewport): Promise<EnginePage>;
  /** Ends the page's browser session; its profile is gone with it. */
  closePage(page: EnginePage): Promise<void>;
  close(): Promise<void>;
}

export const PHONE_SIZE: Viewport = { width: 390, height: 844 };
export const DESKTOP_SIZE: Viewport = { width: 1280, height: 800 };

/** Polls a condition on the Node side: page-side polling needs eval, which the app's CSP blocks. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    // A navigation between two looks destroys the page's context: look again.
    const found = await check().catch((error: unknown) => {
      lastError = error;
      return null;
    });
    if (found) return found;
    if (Date.now() > until) {
      const why = lastError ? ` (last error: ${String(lastError)})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const describeTarget = (t: Target) =>
  `${t.role ?? 'element'} "${String(t.name)}"${t.within ? ` in ${t.within}` : ''}`;

/**
 * A function and its argument as one expression of source. Sent as text so the three APIs treat
 * it alike; `__name` is defined because tsx (esbuild keepNames) wraps named inner functions in it.
 */
export function asExpression<A>(fn: (arg: A) => unknown, arg: A | undefined): string {
  const sent = arg === undefined ? '' : JSON.stringify(arg);
  return `(() => { const __name = (f) => f; return (${fn.toString()})(${sent}); })()`;
}

/**
 * Finds the target and acts on it, finding it again if it was re-rendered away in between
 * (React may replace a node between the look and the click).
 */
export async function actOn<H>(
  target: Target,
  timeoutMs: number,
  find: (remaining: number) => Promise<H>,
  act: (handle: H) => Promise<void>,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const handle = await find(Math.max(1_000, until - Date.now()));
    try {
      await act(handle);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
    }
  }
}

export const isLoopback = (url: string): boolean => {
  const { hostname, protocol } = new URL(url);
  return !protocol.startsWith('http') || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
};
