import { useSessionStore } from '../features/auth';
import { player } from '../features/player';
import { useServersStore } from '../features/servers/servers-store';
import { storageName } from '../lib/storage-names';
import { closeWrites } from '../lib/write-gate';

/**
 * Tabs share IndexedDB but not memory. A sign-in in one tab makes the others read the session
 * again. A sign-out signs out every tab: the tab signing out says so before it wipes anything;
 * the others stop the music, stop writing (nothing they hold may land after the wipe) and load
 * again once the wipe is done, signed out and with nothing of the account in memory.
 */
type SessionMessage = 'session-changed' | 'signing-out';

/**
 * A sign-out whose tab closed mid-wipe: reload anyway; the next start finishes it. Longer than a
 * sign-out takes when plex.tv is slow (the goodbye to Plex, then up to 8 s removing the device).
 */
const WIPE_GIVE_UP_MS = 30_000;

/**
 * This tab is signing out itself: another tab's "signing-out" (the same revoked token seen in
 * two tabs, or a tab finishing an interrupted sign-out) must not close this one's writes, or
 * neither tab could write the token-less session and the wipe.
 */
let signingOutHere = false;

let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(storageName('session'));
  return channel;
}

const say = (message: SessionMessage) => open()?.postMessage(message);

export const announceSessionChange = () => say('session-changed');
export const announceSigningOut = () => {
  signingOutHere = true;
  say('signing-out');
};
/** The sign-out here is done (or failed): other tabs' sign-outs count again. */
export const signedOutHere = () => {
  signingOutHere = false;
};

export function listenForSessionChanges(
  reload: () => void = () => window.location.reload(),
): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  let signingOut = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent<SessionMessage>) => {
    if (event.data === 'signing-out') {
      if (signingOutHere) return;
      signingOut = true;
      closeWrites();
      player.pause();
      giveUp = setTimeout(reload, WIPE_GIVE_UP_MS);
      return;
    }
    if (signingOut) {
      clearTimeout(giveUp);
      reload();
      return;
    }
    void useSessionStore.persist.rehydrate();
    void useServersStore.persist.rehydrate();
  };
  ch.addEventListener('message', onMessage);
  return () => {
    clearTimeout(giveUp);
    ch.removeEventListener('message', onMessage);
  };
}
