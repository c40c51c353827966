/**
 * Fault switches. A rule matches requests by origin and/or path (a substring or a /regex/) and
 * changes how the fake answers them. `times` limits how many requests a rule hits.
 */
type FaultRule =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  /** Every n-th matching request gets 429, with Retry-After cycling through the list (null: none). */
  | { kind: 'rate-limit-storm'; every: number; retryAfterSeconds?: Array<number | null> }
  | { kind: 'malformed'; mode: 'truncated' | 'xml' | 'garbage' | 'missing-fields' }
  /** Accept the connection and never answer: a dead route or a dead connection. */
  | { kind: 'hang' }
  /** Cut the connection: the browser's fetch rejects with a network error. */
  | { kind: 'drop' }
  /** Send the headers and the first half of the body, then nothing more, until the client leaves. */
  | { kind: 'stall-body' }
  /** Send bodies slowly, so a stream is still arriving when its connection is cut. */
  | { kind: 'throttle'; bytesPerSecond: number }
  /** Answer without CORS headers: browsers may play the file but scripts may not read it. */
  | { kind: 'no-cors' }
  /**
   * Answer requests that carry no token without CORS headers: whether real servers send CORS to
   * a token-less request (a bare `/identity` probe) is unconfirmed, so the fake can do the worst.
   */
  | { kind: 'no-cors-without-token' }
  /**
   * Every matching response shares one link of this many kilobits a second, as everything
   * through Plex Relay does (about 1 Mbps free, 2 Mbps with Plex Pass).
   */
  | { kind: 'bandwidth'; kbps: number };

export type Fault = FaultRule & {
  id?: string;
  /** Match the request origin exactly (e.g. one connection's uri). */
  origin?: string;
  /** Match the path: plain substring, or a regex written as "/.../". */
  path?: string;
  /** Match the query string, decoded: a substring (`query=mika&` slows one search, not all). */
  search?: string;
  times?: number;
};

function decodedSearch(url: URL): string {
  try {
    return decodeURIComponent(url.search.replace(/\+/g, ' '));
  } catch {
    return url.search;
  }
}

function faultMatches(fault: Fault, url: URL): boolean {
  if (fault.origin && fault.origin !== url.origin) return false;
  if (fault.search && !decodedSearch(url).includes(fault.search)) return false;
  if (fault.path) {
    if (fault.path.startsWith('/') && fault.path.endsWith('/') && fault.path.length > 2) {
      if (!new RegExp(fault.path.slice(1, -1)).test(url.pathname)) return false;
    } else if (!url.pathname.includes(fault.path)) {
      return false;
    }
  }
  return true;
}

export class FaultBook {
  private faults: Array<Fault & { hits: number }> = [];

  add(fault: Fault): void {
    this.faults.push({ ...fault, hits: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Lifts the rules added with this id. */
  remove(id: string): void {
    this.faults = this.faults.filter((f) => f.id !== id);
  }

  /** Whether a drop now applies to this origin (checked while a throttled body is streaming). */
  dropped(url: URL): boolean {
    return this.faults.some(
      (f) =>
        f.kind === 'drop' && faultMatches(f, url) && (f.times === undefined || f.hits < f.times),
    );
  }

  /** The matching faults for this request, counting their hits. */
  take(url: URL): Fault[] {
    const matched: Fault[] = [];
    for (const fault of this.faults) {
      if (!faultMatches(fault, url)) continue;
      if (fault.times !== undefined && fault.hits >= fault.times) continue;
      fault.hits += 1;
      matched.push(fault);
    }
    return matched;
  }
}
