import type { QueryClient } from '@tanstack/react-query';
import { clearPendingPins, useSessionStore } from '../features/auth';
import { useLibraryStore } from '../features/library/library-store';
import { useServersStore } from '../features/servers';
import { clearPersistedQueries } from '../lib/query-persister';
import { announceSessionChange } from './session-sync';

/** Sign-out (or a revoked token) wipes tokens, the user, server list and cached Plex data. */
export async function signOutEverywhere(queryClient: QueryClient, reason?: string): Promise<void> {
  useSessionStore.getState().signedOut(reason);
  useServersStore.getState().reset();
  useLibraryStore.getState().reset();
  queryClient.clear();
  await Promise.all([clearPendingPins(), clearPersistedQueries()]);
  announceSessionChange();
}
