import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { PlexClientInfo } from '../../lib/plex/client-info';
import type { PlexTvClient } from '../../lib/plex/plex-tv-client';
import { usePlexServices } from '../../lib/plex-context';
import type { PlexServer } from '../../domain';
import { candidatesOf, connectServer } from './connect';
import { useServersStore } from './servers-store';

/** plex.tv resources for this account; tokens inside, so never persisted in the query cache. */
export function serversQuery(userId: number) {
  return ['plex-tv', userId, 'resources'] as const;
}

function serversQueryOptions(
  plexTv: Pick<PlexTvClient, 'getServers'>,
  token: string,
  userId: number,
) {
  return queryOptions({
    queryKey: serversQuery(userId),
    queryFn: ({ signal }) => plexTv.getServers(token, signal),
    staleTime: 5 * 60_000,
    meta: { persist: false },
  });
}

/** Connects to each server not yet being connected to (the selected one is what the app awaits). */
function connectAll(servers: readonly PlexServer[], client: PlexClientInfo): void {
  const { statuses } = useServersStore.getState();
  for (const server of servers)
    if (!statuses[server.id]) void connectServer(server, client, 'start');
}

/**
 * The moment a sign-in completes, before any screen is there to ask: the account's servers from
 * plex.tv, and the probes of their connections. On a relay every round trip counts, and waiting
 * for the app's screens to mount first cost a few hundred milliseconds (docs/decisions/022).
 * The screens' own query (useServers) then finds the answer in the cache.
 */
export async function startServers(
  queryClient: QueryClient,
  plexTv: Pick<PlexTvClient, 'getServers'>,
  client: PlexClientInfo,
  session: { token: string; userId: number },
): Promise<void> {
  // What the first probe reads first (its chunk, and the browser's permission), read meanwhile.
  void import('./local-network-permission')
    .then((m) => m.localNetworkState())
    .catch(() => undefined);
  const { servers } = await queryClient.fetchQuery(
    serversQueryOptions(plexTv, session.token, session.userId),
  );
  useServersStore.getState().setServers(servers);
  connectAll(servers, client);
}

/**
 * Loads the account's servers and connects to each one (the selected server's probe is what the
 * rest of the app waits for). Already-known servers connect at once from the stored list.
 */
export function useServers(token: string, userId: number) {
  const { clientInfo } = usePlexServices();
  const setServers = useServersStore((s) => s.setServers);
  const servers = useServersStore((s) => s.servers);
  const statuses = useServersStore((s) => s.statuses);

  const query = useServersQuery(token, userId);

  useEffect(() => {
    if (query.data) setServers(query.data.servers);
  }, [query.data, setServers]);

  useEffect(() => connectAll(servers, clientInfo), [servers, statuses, clientInfo]);

  // The user answered Chrome's local network prompt (or changed the setting): probe again.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let gone = false;
    void import('./local-network-permission').then((m) => {
      if (gone) return;
      stop = m.onLocalNetworkChange(() => {
        for (const server of useServersStore.getState().servers)
          if (candidatesOf(server).some((c) => c.local))
            void connectServer(server, clientInfo, 'permission');
      });
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, [clientInfo]);

  return { servers, statuses, query };
}

/** Just the plex.tv resources query, for screens that show its state (the loading and syncing
 *  happen once, in useServers at the app's root). */
export function useServersQuery(token: string, userId: number) {
  const { plexTv } = usePlexServices();
  return useQuery(serversQueryOptions(plexTv, token, userId));
}
