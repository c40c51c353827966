import { useSessionStore } from '../features/auth';
import { usePlayerStore } from '../features/player';
import { useServersStore } from '../features/servers';
import { storageName } from '../lib/storage-names';
import { closeWrites } from '../lib/write-gate';

/**
 * Tabs share IndexedDB but not memory. A sign-in in one tab makes the others read the session
 * again. A sign-out signs out every tab: the tab signing out says so before it wipes anything;
 * the others stop the music, stop writing (nothing they hold may land after the wipe) and load
 * again once the wipe is done, signed out and with nothing of the account in memory.
 */
type SessionMessage = 'session-changed' | 'signing-out';

/** A sign-out whose tab closed mid-wipe: reload anyway; the next start finishes it. */
const WIPE_GIVE_UP_MS = 15_000;

let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(storageName('session'));
  return channel;
}

const say = (message: SessionMessage) => open()?.postMessage(message);

export const announceSessionChange = () => say('session-changed');
export const announceSigningOut = () => say('signing-out');

export function listenForSessionChanges(
  reload: () => void = () => window.location.reload(),
): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  let signingOut = false;
  let giveUp: ReturnType<typeof setTimeout> | undefined;
  const onMessage = (event: MessageEvent<SessionMessage>) => {
    if (event.data === 'signing-out') {
      signingOut = true;
      closeWrites();
      usePlayerStore.getState().pause();
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
