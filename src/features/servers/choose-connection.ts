import type { Connection, ConnectionTier } from '../../domain';

export type ProbeFailure =
  | 'timeout'
  | 'unreachable'
  | 'cors'
  | 'offline'
  | 'wrong-server'
  | 'bad-response'
  | 'insecure'
  /** A local address while the browser still asks the user (Local Network Access). */
  | 'permission'
  /** A local address the browser won't let this page reach (the user said no). */
  | 'blocked';

export type ProbeOutcome = { ok: true; latencyMs: number } | { ok: false; reason: ProbeFailure };

/** What the UI shows for each candidate: answered, failed (and why), or not needed. */
export type CandidateState = ProbeOutcome | { ok: null; reason: 'not-needed' };

export interface CandidateResult {
  connection: Connection;
  state: CandidateState;
}

export interface ConnectionChoice {
  chosen: Connection | null;
  candidates: CandidateResult[];
}

export type Probe = (connection: Connection, signal: AbortSignal) => Promise<ProbeOutcome>;

export interface ChooseOptions {
  /** 'https:' on GitHub Pages: plain-http servers are mixed content there. */
  pageProtocol: string;
  /** Tried first: if it answers, it wins without waiting for anything else. */
  preferredUri?: string;
}

const tierRank: Record<ConnectionTier, number> = { local: 0, relay: 1, remote: 2 };

/** Lower is better: tier first, then https over http. */
export function rankOf(connection: Connection): number {
  return tierRank[connection.tier] * 2 + (connection.protocol === 'https' ? 0 : 1);
}

/** Loopback counts as secure to browsers, so http://127.0.0.1 is usable from an https page. */
function isLoopback(connection: Connection): boolean {
  const host = new URL(connection.uri).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

function blockedAsMixedContent(connection: Connection, pageProtocol: string): boolean {
  return pageProtocol === 'https:' && connection.protocol === 'http' && !isLoopback(connection);
}

/**
 * Probes every candidate in parallel and settles on the best tier that answers (local, relay,
 * remote; https before http within a tier), as soon as nothing better can still answer: a
 * hanging local costs at most one probe timeout, not the sum of them. Ties within a rank go to
 * the preferred connection, then to whichever answered first.
 */
export function chooseConnection(
  connections: Connection[],
  probe: Probe,
  options: ChooseOptions,
): Promise<ConnectionChoice> {
  const states = new Map<Connection, CandidateState>();
  const answeredOrder: Connection[] = [];
  const controllers = new Map<Connection, AbortController>();
  const usable: Connection[] = [];
  for (const connection of connections) {
    if (blockedAsMixedContent(connection, options.pageProtocol)) {
      states.set(connection, { ok: false, reason: 'insecure' });
    } else {
      usable.push(connection);
    }
  }

  return new Promise<ConnectionChoice>((resolve) => {
    let settled = false;
    const finish = (chosen: Connection | null) => {
      if (settled) return;
      settled = true;
      for (const [connection, controller] of controllers) {
        if (!states.has(connection)) {
          states.set(connection, { ok: null, reason: 'not-needed' });
          controller.abort();
        }
      }
      resolve({
        chosen,
        candidates: connections.map((connection) => ({
          connection,
          state: states.get(connection) ?? { ok: null, reason: 'not-needed' },
        })),
      });
    };

    const decide = () => {
      if (settled) return;
      const preferred = answeredOrder.find((c) => c.uri === options.preferredUri);
      if (preferred) return finish(preferred);
      const answered = [...answeredOrder].sort((a, b) => rankOf(a) - rankOf(b));
      const best = answered[0];
      const pending = usable.filter((c) => !states.has(c));
      if (best) {
        const bestRank = rankOf(best);
        // Wait only while something strictly better, or the preferred one, may still answer.
        const worthWaiting = pending.some(
          (c) => rankOf(c) < bestRank || (c.uri === options.preferredUri && rankOf(c) === bestRank),
        );
        if (!worthWaiting) {
          const sameRank = answered.filter((c) => rankOf(c) === bestRank);
          return finish(sameRank[0] ?? best);
        }
        return;
      }
      if (pending.length === 0) finish(null);
    };

    if (usable.length === 0) return finish(null);
    for (const connection of usable) {
      const controller = new AbortController();
      controllers.set(connection, controller);
      probe(connection, controller.signal).then(
        (outcome) => {
          if (settled) return;
          states.set(connection, outcome);
          if (outcome.ok) answeredOrder.push(connection);
          decide();
        },
        () => {
          if (settled) return;
          states.set(connection, { ok: false, reason: 'unreachable' });
          decide();
        },
      );
    }
  });
}
