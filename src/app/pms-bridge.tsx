import { useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { useSessionStore } from '../features/auth';
import { currentConnection, useServers, useServersStore } from '../features/servers';
import { PmsClient } from '../lib/plex/pms-client';
import { PmsProvider, usePlexServices, type PmsAccess, type ServerWait } from '../lib/plex-context';
import { serverRefusals } from './server-refusals';
import { useServerWrites } from './server-writes';

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

  const { plexTv } = usePlexServices();
  const queryClient = useQueryClient();
  const serverId = server?.id;
  // One per server, kept while its token changes: the check's own pace must survive that.
  const refusals = useMemo(() => {
    if (!serverId) return null;
    let answeredAt = -Infinity;
    const check = serverRefusals({
      serverId,
      plexTv,
      queryClient,
      clientInfo,
      answeredAt: () => answeredAt,
    });
    return { ...check, answered: () => void (answeredAt = performance.now()) };
  }, [serverId, plexTv, queryClient, clientInfo]);

  const access = useMemo<PmsAccess | null>(() => {
    if (!server || userId === undefined || !usable) return null;
    return {
      serverId: server.id,
      userId,
      serverUnreachable: () => refusals?.serverUnreachable() ?? Promise.resolve(),
      tier: () => currentConnection(useServersStore.getState(), server.id)?.tier ?? null,
      client: new PmsClient({
        client: clientInfo,
        machineId: server.id,
        token: server.accessToken,
        baseUrl: () => {
          const state = useServersStore.getState();
          return currentConnection(state, server.id)?.uri ?? state.remembered[server.id] ?? '';
        },
        onUnreachable: () => void refusals?.serverUnreachable(),
        onAnswered: () => refusals?.answered(),
        onRefused: () => void refusals?.serverUnreachable({ refused: true }),
      }),
    };
  }, [server, userId, usable, clientInfo, refusals]);

  // Ratings and scans: sent to this server, and those saved offline resumed (decision 024).
  useServerWrites(access);

  const status = useServersStore((s) => (s.selectedId ? s.statuses[s.selectedId] : undefined));
  const tier = useServersStore((s) => currentConnection(s, s.selectedId)?.tier ?? null);
  const wait = useMemo<ServerWait>(() => {
    if (!server) return { state: 'no-server' };
    return {
      state: status?.state === 'unreachable' ? 'unreachable' : 'connecting',
      serverName: server.name,
    };
  }, [server, status?.state]);

  return (
    <PmsProvider value={access} wait={wait} tier={tier}>
      {children}
    </PmsProvider>
  );
}
