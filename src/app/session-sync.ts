import { useSessionStore } from '../features/auth';
import { useServersStore } from '../features/servers';
import { storageName } from '../lib/storage-names';

/**
 * Tabs share IndexedDB but not memory: when one tab signs in or out, it tells the others, which
 * reload their stores from IndexedDB rather than keep a stale token.
 */
let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  channel ??= new BroadcastChannel(storageName('session'));
  return channel;
}

export function announceSessionChange(): void {
  open()?.postMessage('session-changed');
}

export function listenForSessionChanges(): () => void {
  const ch = open();
  if (!ch) return () => undefined;
  const onMessage = () => {
    void useSessionStore.persist.rehydrate();
    void useServersStore.persist.rehydrate();
  };
  ch.addEventListener('message', onMessage);
  return () => ch.removeEventListener('message', onMessage);
}
