import type { QueryClient } from '@tanstack/react-query';
import { clearPendingPins, useSessionStore } from '../features/auth';
import { useLibraryStore } from '../features/library/library-store';
import { emptyQueue, PLAYER_KEY, sayGoodbye, usePlayerStore } from '../features/player';
import { useServersStore } from '../features/servers';
import { idbDel } from '../lib/idb';
import { secretWritesSettled } from '../lib/secret-storage';
import { readPendingSignOut, writePendingSignOut } from './sign-out-pending';
import { clearPersistedQueries } from '../lib/query-persister';
import { announceSessionChange, announceSigningOut } from './session-sync';
import { loadDownloads } from './downloads-bridge';

/**
 * Sign-out wipes tokens, the user, the server list (with its access tokens), cached Plex data and
 * the queue. A revoked token (`reason` given) wipes the secrets only: the same person usually
 * signs straight back in, and their queue, position and cached library should still be there.
 */
export async function signOutEverywhere(
  queryClient: QueryClient,
  reason?: string,
  { keepDownloads = false }: { keepDownloads?: boolean } = {},
): Promise<void> {
  writePendingSignOut({ reason, keepDownloads });
  // Every other tab stops writing before anything here is wiped (session-sync.ts).
  announceSigningOut();
  useSessionStore.getState().signedOut(reason);
  usePlayerStore.getState().pause();
  // Plex hears "stopped" (and transcodes end) while the server can still be reached.
  await sayGoodbye();
  useServersStore.getState().reset();
  const wipes: Array<Promise<unknown>> = [clearPendingPins()];
  if (!reason) {
    useLibraryStore.getState().reset();
    usePlayerStore.setState({ queue: emptyQueue, nowPlayingOpen: false, notice: null });
    // Deleted, not rewritten: this tab's store may never have held the queue another tab saved,
    // and a write of an unchanged state is skipped (idbObjectStorage).
    usePlayerStore.persist.clearStorage();
    wipes.push(idbDel(PLAYER_KEY));
    queryClient.clear();
    // The position, the link to Plex's play queue, plays waiting to be sent: this account's.
    wipes.push(
      clearPersistedQueries(),
      idbDel('player-position'),
      idbDel('player-plex-queue'),
      idbDel('player-scrobbles-pending'),
    );
    // Downloaded music goes with the account it came from, unless the user chose to keep it.
    if (!keepDownloads)
      wipes.push(loadDownloads().then((m) => m.useDownloadsStore.getState().removeAll()));
  }
  await Promise.all(wipes);
  // The sealed session and server list are rewritten without their tokens: wait until they land.
  await secretWritesSettled();
  writePendingSignOut(null);
  announceSessionChange();
}

/** At start, after the stores are read: a sign-out cut short by a reload or a closed tab ends. */
export async function finishInterruptedSignOut(queryClient: QueryClient): Promise<void> {
  const pending = readPendingSignOut();
  if (pending) await signOutEverywhere(queryClient, pending.reason, pending);
}
