import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { usePlexServices } from '../../lib/plex-context';
import { candidatesOf, connectServer } from './connect';
import { useServersStore } from './servers-store';

/** plex.tv resources for this account; tokens inside, so never persisted in the query cache. */
export function serversQuery(userId: number) {
  return ['plex-tv', userId, 'resources'] as const;
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

  useEffect(() => {
    for (const server of servers) {
      if (!statuses[server.id]) void connectServer(server, clientInfo, 'start');
    }
  }, [servers, statuses, clientInfo]);

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
  return useQuery({
    queryKey: serversQuery(userId),
    queryFn: ({ signal }) => plexTv.getServers(token, signal),
    staleTime: 5 * 60_000,
    meta: { persist: false },
  });
}
