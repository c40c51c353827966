import { QueryCache, QueryClient } from '@tanstack/react-query';
import { useSessionStore } from '../features/auth';
import { isPlexError } from '../lib/plex/errors';
import { QUERY_CACHE_MAX_AGE, persistQueries, warmQueryPersister } from '../lib/query-persister';
import { retryDelay, shouldRetry } from '../lib/retry-policy';

export function createQueryClient({ persist = true }: { persist?: boolean } = {}): QueryClient {
  if (persist) warmQueryPersister();
  return new QueryClient({
    // A 401 mid-session may mean the sign-in was revoked: plex.tv is asked, and if so the user is
    // sent to sign in again (queue, position and downloads kept).
    queryCache: new QueryCache({
      onError: (error) => {
        if (isPlexError(error, 'unauthorized')) useSessionStore.getState().recheckToken();
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // Show cached data first; the network decides freshness, not whether we show anything.
        networkMode: 'offlineFirst',
        refetchOnWindowFocus: false,
        // Kept in memory as long as it is kept on disk (TanStack: gcTime ≥ the persister's maxAge).
        gcTime: QUERY_CACHE_MAX_AGE,
        persister: persist ? persistQueries : undefined,
      },
      mutations: { retry: false },
    },
  });
}
