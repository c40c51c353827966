import type { Connection } from '../../domain';
import { answersAtAll } from '../../lib/network-status';
import { isPlexError } from '../../lib/plex/errors';
import type { PlexClientInfo } from '../../lib/plex/client-info';
import { fetchIdentity } from '../../lib/plex/identity';
import type { Probe, ProbeFailure, ProbeOutcome } from './choose-connection';
import type { LocalNetworkState } from './local-network-permission';

/** Short on purpose: a dead local address must not hold up the relay for long. */
export const PROBE_TIMEOUT_MS = 4_000;

/**
 * An https `*.plex.direct` name carries a certificate for this very server: the token may go
 * there. Anywhere else (plain http on a LAN address) it could reach whoever holds that address.
 */
function certifiedByPlex(connection: Connection): boolean {
  return (
    connection.protocol === 'https' && new URL(connection.uri).hostname.endsWith('.plex.direct')
  );
}

export interface ProbeOptions {
  /** The server's own token, for the certified fallback. */
  token?: string;
  timeoutMs?: number;
  /** Chrome's Local Network Access permission, for local candidates. */
  localNetwork?: () => LocalNetworkState;
}

export function identityProbe(
  serverId: string,
  client: PlexClientInfo,
  { token, timeoutMs = PROBE_TIMEOUT_MS, localNetwork = () => 'unsupported' }: ProbeOptions = {},
): Probe {
  return async (connection: Connection, signal: AbortSignal) => {
    const started = performance.now();
    const attempt = async (withToken?: string): Promise<ProbeOutcome> => {
      const identity = await fetchIdentity(connection.uri, client, {
        signal,
        timeoutMs,
        token: withToken,
      });
      if (identity.machineIdentifier !== serverId) return { ok: false, reason: 'wrong-server' };
      return { ok: true, latencyMs: Math.round(performance.now() - started) };
    };
    try {
      return await attempt();
    } catch (error) {
      const reason = failureOf(error);
      const permission = connection.local ? localNetwork() : 'unsupported';
      if (permission === 'prompt' && reason !== 'offline')
        return { ok: false, reason: 'permission' };
      if (permission === 'denied' && reason !== 'offline') return { ok: false, reason: 'blocked' };
      // A failed fetch says nothing about why; a no-cors one that succeeds says the server is up
      // and only refused us CORS (shared servers have been seen to allow app.plex.tv only).
      if (
        reason === 'unreachable' &&
        !signal.aborted &&
        (await answersAtAll(`${connection.uri}/identity`, signal))
      ) {
        // Whether servers send CORS to a token-less request is unconfirmed (docs/plex-api.md):
        // where the certificate proves the server, ask again with its token, as clients that
        // work against real servers always do.
        if (token && certifiedByPlex(connection)) {
          try {
            return await attempt(token);
          } catch {
            return { ok: false, reason: 'cors' };
          }
        }
        return { ok: false, reason: 'cors' };
      }
      return { ok: false, reason };
    }
  };
}

function failureOf(error: unknown): ProbeFailure {
  if (!isPlexError(error)) return 'unreachable';
  if (error.kind === 'timeout' || error.kind === 'aborted') return 'timeout';
  if (error.kind === 'offline') return 'offline';
  if (error.kind === 'bad-response') return 'bad-response';
  return 'unreachable';
}
