import type { PlexClientInfo } from './client-info';
import { requestJson, type FetchLike } from './request';
import { identitySchema } from './schemas';

// Its own file: probing a connection happens at start, before any screen, and must not bring the
// whole server client (and its metadata mapping) into the first-load chunk.

/**
 * `/identity` needs no token: it is how a connection proves which server answers it. `token`
 * only for a connection whose certificate already proves the server (probe-connection.ts).
 */
export async function fetchIdentity(
  baseUrl: string,
  client: PlexClientInfo,
  options: { signal?: AbortSignal; timeoutMs?: number; fetchImpl?: FetchLike; token?: string } = {},
): Promise<{ machineIdentifier: string; version?: string }> {
  const body = await requestJson(
    identitySchema,
    {
      url: `${baseUrl}/identity`,
      params: { 'X-Plex-Client-Identifier': client.clientId, 'X-Plex-Token': options.token },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      // A probe: headers that come and a body that stalls must not hold the choice past it.
      deadlineMs: options.timeoutMs,
    },
    options.fetchImpl,
  );
  return body.MediaContainer;
}
