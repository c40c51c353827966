import { useMemo, type ReactNode } from 'react';
import { useSessionStore } from '../features/auth';
import { connectServer, currentConnection, useServersStore } from '../features/servers';
import { PmsClient } from '../lib/plex';
import { PmsProvider, usePlexServices, type PmsAccess } from '../lib/plex-context';

/**
 * Gives features the selected server as a PmsClient. The client reads the connection at call
 * time and reports a dead one back to the servers feature, which fails over.
 */
export function PmsBridge({ children }: { children: ReactNode }) {
  const { clientInfo } = usePlexServices();
  const userId = useSessionStore((s) => s.user?.id);
  const server = useServersStore((s) => s.servers.find((x) => x.id === s.selectedId));
  const connected = useServersStore((s) => currentConnection(s, s.selectedId) !== null);

  const access = useMemo<PmsAccess | null>(() => {
    if (!server || userId === undefined || !connected) return null;
    return {
      serverId: server.id,
      userId,
      client: new PmsClient({
        client: clientInfo,
        token: server.accessToken,
        baseUrl: () => currentConnection(useServersStore.getState(), server.id)?.uri ?? '',
        onUnreachable: () => void connectServer(server, clientInfo, 'failover'),
      }),
    };
  }, [server, userId, connected, clientInfo]);

  return <PmsProvider value={access}>{children}</PmsProvider>;
}
