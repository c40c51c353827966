import type { QueryClient } from '@tanstack/react-query';
import { REVOKED_MESSAGE, useSessionStore } from '../features/auth';
import { connectServer, serversQuery, useServersStore } from '../features/servers';
import { isPlexError } from '../lib/plex/errors';
import type { PlexClientInfo } from '../lib/plex/client-info';
import type { PlexTvClient } from '../lib/plex/plex-tv-client';
import type { createRefusalCheck } from './refusal-check';
import { network } from './network';
import { signOutEverywhere } from './sign-out';

export type ServerRefusals = ReturnType<typeof createRefusalCheck>;

/** The check's own logic is a small chunk of its own (no imports), loaded at the first failure. */
let loading: Promise<typeof createRefusalCheck> | null = null;
const loadCheck = () => (loading ??= import('./refusal-check').then((m) => m.createRefusalCheck));

/**
 * The refusal check (refusal-check.ts) wired to the app: plex.tv for the account, the servers
 * feature for fresh tokens and re-probing, sign-out for a revoked sign-in.
 */
export function serverRefusals({
  serverId,
  plexTv,
  queryClient,
  clientInfo,
  answeredAt,
}: {
  serverId: string;
  plexTv: PlexTvClient;
  queryClient: QueryClient;
  clientInfo: PlexClientInfo;
  answeredAt: () => number;
}): ServerRefusals {
  const selected = () => useServersStore.getState().servers.find((s) => s.id === serverId);
  const accountToken = () => useSessionStore.getState().token ?? '';
  const made = loadCheck().then((create) =>
    create({
      online: () => network.isUp(),
      answeredAt,
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
      // What failed with the old token or connection (a 401 is not retried by itself), and what
      // is still retrying on it: a retry stalled on the old connection would hold the screen for
      // another whole timeout (react-query restarts a fetch in flight only once it has data).
      retryFailed: () => {
        const stuck = queryClient
          .getQueryCache()
          .findAll({ predicate: (q) => q.state.fetchFailureCount > 0, fetchStatus: 'fetching' });
        void queryClient.cancelQueries({ predicate: (q) => stuck.includes(q) }).then(() =>
          queryClient.invalidateQueries({
            predicate: (q) => q.state.status === 'error' || stuck.includes(q),
          }),
        );
      },
      signInAgain: () => void signOutEverywhere(queryClient, REVOKED_MESSAGE),
    }),
  );
  return {
    serverUnreachable: (options) => made.then((check) => check.serverUnreachable(options)),
  };
}
