import type { Connection } from '../../domain';
import { fetchIdentity, isPlexError, type PlexClientInfo } from '../../lib/plex';
import type { Probe, ProbeFailure } from './choose-connection';

/** Short on purpose: a dead local address must not hold up the relay for long. */
export const PROBE_TIMEOUT_MS = 4_000;

/**
 * A fetch that fails in a browser says nothing about why. A no-cors request to the same address
 * does: if it succeeds, the server is up and only refused us CORS (shared servers have been seen
 * to allow app.plex.tv only).
 */
async function answersWithoutCors(uri: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(`${uri}/identity`, {
      mode: 'no-cors',
      signal,
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
    return true;
  } catch {
    return false;
  }
}

export function identityProbe(
  serverId: string,
  client: PlexClientInfo,
  timeoutMs = PROBE_TIMEOUT_MS,
): Probe {
  return async (connection: Connection, signal: AbortSignal) => {
    const started = performance.now();
    try {
      const identity = await fetchIdentity(connection.uri, client, { signal, timeoutMs });
      if (identity.machineIdentifier !== serverId) return { ok: false, reason: 'wrong-server' };
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      const reason: ProbeFailure = !isPlexError(error)
        ? 'unreachable'
        : error.kind === 'timeout' || error.kind === 'aborted'
          ? 'timeout'
          : error.kind === 'offline'
            ? 'offline'
            : error.kind === 'bad-response'
              ? 'bad-response'
              : 'unreachable';
      if (
        reason === 'unreachable' &&
        !signal.aborted &&
        (await answersWithoutCors(connection.uri, signal))
      ) {
        return { ok: false, reason: 'cors' };
      }
      return { ok: false, reason };
    }
  };
}
