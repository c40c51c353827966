import type { QueryClient } from '@tanstack/react-query';
import { clearPendingPins, useSessionStore } from '../features/auth';
import { player, sayGoodbye } from '../features/player';
import { useServersStore } from '../features/servers/servers-store';
import { secretWritesSettled } from '../lib/secret-storage';
import { wipeAccountData } from './account-data';
import { readPendingSignOut, writePendingSignOut } from './sign-out-pending';
import { announceSessionChange, announceSigningOut, signedOutHere } from './session-sync';

/** How long sign-out waits for plex.tv to remove the device before saying it couldn't. */
const FORGET_DEVICE_MS = 8_000;

/**
 * Sign-out wipes tokens, the user, the server list (with its access tokens), cached Plex data and
 * the queue. A revoked token (`reason` given) wipes the secrets only: the same person usually
 * signs straight back in, and their queue, position and cached library should still be there.
 */
export async function signOutEverywhere(
  queryClient: QueryClient,
  reason?: string,
  {
    keepDownloads = false,
    forgetDevice,
  }: {
    keepDownloads?: boolean;
    /** Removes this browser from the Plex account (ends its token there); see plex-tv-client. */
    forgetDevice?: (token: string, signal: AbortSignal) => Promise<void>;
  } = {},
): Promise<void> {
  writePendingSignOut({ reason, keepDownloads });
  const token = useSessionStore.getState().token;
  // Every other tab stops writing before anything here is wiped (session-sync.ts).
  announceSigningOut();
  try {
    await wipeHere(queryClient, token, reason, { keepDownloads, forgetDevice });
  } finally {
    signedOutHere();
  }
  writePendingSignOut(null);
  announceSessionChange();
}

async function wipeHere(
  queryClient: QueryClient,
  token: string | null,
  reason: string | undefined,
  {
    keepDownloads,
    forgetDevice,
  }: {
    keepDownloads: boolean;
    forgetDevice?: (token: string, signal: AbortSignal) => Promise<void>;
  },
): Promise<void> {
  useSessionStore.getState().signedOut(reason);
  player.pause();
  // Plex hears "stopped" (and transcodes end) while the server can still be reached.
  await sayGoodbye();
  // Last, once nothing else needs the token: the device leaves the account, and its token ends.
  if (!reason && token && forgetDevice) {
    const gone = await forgetDevice(token, AbortSignal.timeout(FORGET_DEVICE_MS)).then(
      () => true,
      () => false,
    );
    if (!gone) useSessionStore.getState().deviceStillListed();
  }
  useServersStore.getState().reset();
  const wipes: Array<Promise<unknown>> = [clearPendingPins()];
  // A revoked token (reason given) keeps the rest: the same person usually signs straight back in.
  if (!reason) wipes.push(wipeAccountData(queryClient, { keepDownloads }));
  await Promise.all(wipes);
  // The sealed session and server list are rewritten without their tokens: wait until they land.
  await secretWritesSettled();
}

/** At start, after the stores are read: a sign-out cut short by a reload or a closed tab ends. */
export async function finishInterruptedSignOut(queryClient: QueryClient): Promise<void> {
  const pending = readPendingSignOut();
  if (pending) await signOutEverywhere(queryClient, pending.reason, pending);
}
