/**
 * Whether the network reaches anything. `navigator.onLine` is right when false but unreliable
 * when true: Wi-Fi with no internet, a captive portal, a phone between networks (and Chromium
 * 150's offline emulation after a reload) all say "online" while every request fails. So PlexM8
 * also counts itself offline when two or more hosts failed at the network level since anything
 * last answered, and none of them, nor plex.tv, answers a no-cors request. A no-cors request
 * succeeds (opaquely) wherever a server answers at all, so a server that only refuses us CORS,
 * or one dead server while plex.tv is fine, is never mistaken for no network.
 * (docs/decisions/010-offline-without-the-browser-saying-so.md)
 */

export interface NetworkStatusOptions {
  /** Hosts that always answer when there is an internet: plex.tv. */
  canaries: string[];
  /** Does this origin answer at all (no-cors)? */
  answers?: (origin: string) => Promise<boolean>;
  browserOnline?: () => boolean;
  /** While offline by our own judgement, how often to look again (two tiny requests). */
  recheckMs?: number;
}

export interface NetworkStatus {
  isUp(): boolean;
  /** Some response came back from this origin, whatever its status. */
  answered(origin: string): void;
  /** A request to this origin failed at the network level (not a timeout or an abort). */
  failed(origin: string): void;
  /** Look again now (the browser said "online", the page became visible). */
  recheck(): void;
  subscribe(listener: () => void): () => void;
}

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Does anything answer at this address? A no-cors request resolves (opaquely) for any reply, a
 * CORS refusal included, and rejects only when nothing answered.
 */
export async function answersAtAll(url: string, signal?: AbortSignal): Promise<boolean> {
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', referrerPolicy: 'no-referrer', signal });
    return true;
  } catch {
    return false;
  }
}

export function createNetworkStatus({
  canaries,
  answers = (origin) => answersAtAll(`${origin}/identity`, AbortSignal.timeout(PROBE_TIMEOUT_MS)),
  browserOnline = () => navigator.onLine,
  recheckMs = 5_000,
}: NetworkStatusOptions): NetworkStatus {
  const failedOrigins = new Set<string>();
  const listeners = new Set<() => void>();
  let unreachable = false;
  let checking = false;
  /** Bumped by every answer: one that lands while a check is out outweighs the check. */
  let answersSeen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const notify = () => {
    for (const listener of listeners) listener();
  };
  const setUnreachable = (value: boolean) => {
    if (value === unreachable) return;
    unreachable = value;
    clearTimeout(timer);
    if (value) timer = setTimeout(() => void check(), recheckMs);
    notify();
  };

  /** Ask the failed origins and the canaries; any answer means the network works. */
  async function check() {
    if (checking || !browserOnline()) return;
    checking = true;
    const answersBefore = answersSeen;
    const origins = [...new Set([...failedOrigins, ...canaries])];
    const results = await Promise.all(origins.map((o) => answers(o).catch(() => false)));
    checking = false;
    if (results.some(Boolean) || answersSeen !== answersBefore) {
      failedOrigins.clear();
      setUnreachable(false);
    } else if (unreachable) {
      timer = setTimeout(() => void check(), recheckMs);
    } else {
      setUnreachable(true);
    }
  }

  return {
    isUp: () => browserOnline() && !unreachable,
    answered() {
      answersSeen += 1;
      failedOrigins.clear();
      setUnreachable(false);
    },
    failed(origin) {
      if (!browserOnline()) return;
      failedOrigins.add(origin);
      if (!unreachable && failedOrigins.size >= 2) void check();
    },
    recheck() {
      if (unreachable) {
        clearTimeout(timer);
        void check();
      }
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The browser's own word that the network is back: the default where no judge is wired. */
export function onWindowOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  return () => window.removeEventListener('online', listener);
}
