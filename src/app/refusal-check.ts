/**
 * A server that answered a moment ago now fails as if unreachable. It may be down, or it may
 * have refused our token: a Plex Media Server's 401 carries CORS for app.plex.tv only, so the
 * browser hides it as a network error (docs/plex-api.md "Failures to expect"). Re-probing can't
 * tell (`/identity` needs no token and still answers), so the account is checked first:
 *
 * - plex.tv says 401 (or 498): the sign-in was revoked → sign in again (queue, position and
 *   downloads are kept);
 * - plex.tv says 200: the server's own token may have changed → reload the server list (fresh
 *   access tokens), then re-probe;
 * - plex.tv can't be reached either: the network went → re-probe.
 *
 * One check at a time, and none again for a while after: never a re-probe loop.
 */
export type AccountCheck = 'valid' | 'revoked' | 'unknown';

export interface RefusalDeps {
  online(): boolean;
  /** When the server last answered a request. */
  answeredAt(): number;
  checkAccount(): Promise<AccountCheck>;
  refreshServers(): Promise<void>;
  reprobe(): Promise<unknown>;
  /** Found a way back (fresh tokens, another connection): ask again what failed. */
  retryFailed(): void;
  signInAgain(): void;
  now?: () => number;
}

export const CHECK_AGAIN_AFTER_MS = 30_000;
/** A failure within this long of the server's last answer is news: worth asking why. */
const RECENTLY_MS = 5 * 60_000;

export function createRefusalCheck(deps: RefusalDeps) {
  // In-page intervals: the monotonic clock, which a change of the wall clock doesn't move.
  const now = deps.now ?? (() => performance.now());
  let running: Promise<void> | null = null;
  let checkedAt = -Infinity;

  async function check(): Promise<void> {
    checkedAt = now();
    const account = await deps.checkAccount().catch((): AccountCheck => 'unknown');
    if (account === 'revoked') return deps.signInAgain();
    if (account === 'valid') await deps.refreshServers().catch(() => undefined);
    await deps.reprobe();
    deps.retryFailed();
  }

  /**
   * A request to the server failed as unreachable (or its stream stopped); `refused`: the server
   * said 401 where the browser let us read it (then it is the token for sure).
   */
  function serverUnreachable({ refused = false }: { refused?: boolean } = {}): Promise<void> {
    if (running) return running;
    if (!deps.online()) return Promise.resolve();
    const suspicious = refused || now() - deps.answeredAt() < RECENTLY_MS;
    // Checked a moment ago and it still fails: leave it to the retries, no loop of probes.
    if (suspicious && now() - checkedAt < CHECK_AGAIN_AFTER_MS) return Promise.resolve();
    running = (suspicious ? check() : deps.reprobe().then(() => undefined)).finally(() => {
      running = null;
    });
    return running;
  }

  return { serverUnreachable };
}
