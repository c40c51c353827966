import { useMemo, type ReactNode } from 'react';
import { useSessionStore } from '../features/auth';
import { connectServer, currentConnection, useServers, useServersStore } from '../features/servers';
import { PmsClient } from '../lib/plex';
import { PmsProvider, usePlexServices, type PmsAccess, type ServerWait } from '../lib/plex-context';

/**
 * Gives features the selected server as a PmsClient. The client reads the connection at call
 * time and reports a dead one back to the servers feature, which fails over.
 */
export function PmsBridge({ children }: { children: ReactNode }) {
  const { clientInfo } = usePlexServices();
  const userId = useSessionStore((s) => s.user?.id);
  const token = useSessionStore((s) => s.token);
  // Servers load and connect whatever screen the app opens on.
  useServers(token ?? '', userId ?? 0);
  const server = useServersStore((s) => s.servers.find((x) => x.id === s.selectedId));
  // Offline or still probing, the last connection that worked stands in: cached data is keyed by
  // server, not connection, so it shows at once, and requests fail over when they fail.
  const usable = useServersStore(
    (s) =>
      currentConnection(s, s.selectedId) !== null ||
      (s.selectedId !== null && s.remembered[s.selectedId] !== undefined),
  );

  const access = useMemo<PmsAccess | null>(() => {
    if (!server || userId === undefined || !usable) return null;
    return {
      serverId: server.id,
      userId,
      tier: () => currentConnection(useServersStore.getState(), server.id)?.tier ?? null,
      client: new PmsClient({
        client: clientInfo,
        machineId: server.id,
        token: server.accessToken,
        baseUrl: () => {
          const state = useServersStore.getState();
          return currentConnection(state, server.id)?.uri ?? state.remembered[server.id] ?? '';
        },
        onUnreachable: () => void connectServer(server, clientInfo, 'failover'),
      }),
    };
  }, [server, userId, usable, clientInfo]);

  const status = useServersStore((s) => (s.selectedId ? s.statuses[s.selectedId] : undefined));
  const wait = useMemo<ServerWait>(() => {
    if (!server) return { state: 'no-server' };
    return {
      state: status?.state === 'unreachable' ? 'unreachable' : 'connecting',
      serverName: server.name,
    };
  }, [server, status?.state]);

  return (
    <PmsProvider value={access} wait={wait}>
      {children}
    </PmsProvider>
  );
}
