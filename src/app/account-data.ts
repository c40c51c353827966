import type { QueryClient } from '@tanstack/react-query';
import type { PlexUser } from '../domain';
import { useLibraryStore } from '../features/library/library-store';
import { forgetPosition, player, PLAYER_KEY, usePlayerStore } from '../features/player';
import { forgetAccountMemory } from '../lib/account-memory';
import { idbDel, idbDeleteWithPrefix, idbGet, idbSet } from '../lib/idb';
import { clearPersistedQueries } from '../lib/query-persister';
import { SAVED_WRITES_KEY, SAVED_WRITES_PREFIX } from '../lib/server-writes';
// Straight from its file: the downloads barrel brings the store, which the entry chunk doesn't.
import { loadDownloads } from '../features/downloads/load';

/**
 * Whose data is on this device: the Plex account id of the last sign-in. Not a secret (a number
 * Plex shows to every server the user visits), and kept across sign-outs: it is how a sign-in
 * by someone else finds the previous account's queue, cache or kept downloads and removes them.
 */
const ACCOUNT_KEY = 'account-id';

/**
 * Everything of an account's but its secrets: the queue, position, link to Plex's play queue,
 * plays waiting to be sent, the chosen sections, cached Plex data and (unless kept) downloads.
 */
export async function wipeAccountData(
  queryClient: QueryClient,
  { keepDownloads }: { keepDownloads: boolean },
): Promise<void> {
  useLibraryStore.getState().reset();
  player.forget();
  // Deleted, not rewritten: this tab's store may never have held the queue another tab saved,
  // and a write of an unchanged state is skipped (idbObjectStorage).
  usePlayerStore.persist.clearStorage();
  queryClient.clear();
  // The covers held in memory (blob: URLs) are the account's library too.
  forgetAccountMemory();
  const wipes: Array<Promise<unknown>> = [
    idbDel(PLAYER_KEY),
    clearPersistedQueries(),
    forgetPosition(),
    idbDel('player-plex-queue'),
    idbDel('player-scrobbles-pending'),
    idbDeleteWithPrefix([SAVED_WRITES_KEY], SAVED_WRITES_PREFIX),
  ];
  if (!keepDownloads)
    wipes.push(loadDownloads().then((m) => m.useDownloadsStore.getState().removeAll()));
  await Promise.all(wipes);
}

/**
 * A sign-in, before the app shows anything: if the data on this device is another account's
 * (a sign-out that kept downloads, or kept the queue after a revoked token), it goes first.
 * Data from before accounts were recorded is taken to be this account's.
 */
export async function claimDeviceFor(queryClient: QueryClient, user: PlexUser): Promise<void> {
  const previous = await idbGet<unknown>(ACCOUNT_KEY);
  if (typeof previous === 'number' && previous !== user.id)
    await wipeAccountData(queryClient, { keepDownloads: false });
  await idbSet(ACCOUNT_KEY, user.id);
}

/**
 * At start, signed in: a session from before accounts were recorded (an upgrade) gets its account
 * noted now, so that a later sign-in by someone else still finds and removes its data.
 */
export async function noteAccountOfSession(user: PlexUser | null): Promise<void> {
  if (user && (await idbGet<unknown>(ACCOUNT_KEY)) === undefined)
    await idbSet(ACCOUNT_KEY, user.id);
}
