import { useQueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { REVOKED_MESSAGE, useSessionStore } from '../features/auth';
import {
  connectServer,
  currentConnection,
  serversQuery,
  useServers,
  useServersStore,
} from '../features/servers';
import { isPlexError, PmsClient } from '../lib/plex';
import { PmsProvider, usePlexServices, type PmsAccess, type ServerWait } from '../lib/plex-context';
import { createRefusalCheck } from './refusal-check';
import { signOutEverywhere } from './sign-out';

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
    const selected = () => useServersStore.getState().servers.find((s) => s.id === serverId);
    const accountToken = () => useSessionStore.getState().token ?? '';
    return createRefusalCheck({
      online: () => navigator.onLine,
      checkAccount: () =>
        plexTv.getUser(accountToken()).then(
          () => 'valid' as const,
          (error: unknown) => (isPlexError(error, 'unauthorized') ? 'revoked' : 'unknown'),
        ),
      refreshServers: async () => {
        const fresh = await plexTv.getServers(accountToken());
        useServersStore.getState().setServers(fresh.servers);
        const user = useSessionStore.getState().user;
        if (user) queryClient.setQueryData(serversQuery(user.id), fresh);
      },
      reprobe: async () => {
        const current = selected();
        if (current) await connectServer(current, clientInfo, 'failover');
      },
      // What failed with the old token or connection (a 401 is not retried by itself).
      retryFailed: () =>
        void queryClient.invalidateQueries({ predicate: (q) => q.state.status === 'error' }),
      signInAgain: () => void signOutEverywhere(queryClient, REVOKED_MESSAGE),
    });
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
