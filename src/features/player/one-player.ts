import { storageName } from '../../lib/storage-names';
import { player } from './player';
import { usePlayerStore } from './player-store';

/**
 * One PlexM8 plays at a time: when a tab starts playing it says so, and any other tab that is
 * playing pauses, saying why. (Two tabs playing over each other is never what anyone wants; the
 * queue each tab saves is a whole object, so the last one written simply wins.)
 */
export function startOnePlayerAtATime(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(storageName('playback'));
  const tab = crypto.randomUUID();
  channel.onmessage = (event: MessageEvent<{ type: string; tab: string }>) => {
    if (event.data.type !== 'playing' || event.data.tab === tab) return;
    if (!usePlayerStore.getState().wantsToPlay) return;
    player.pause();
    player.showNotice('Paused: PlexM8 started playing in another tab.');
  };
  const unsubscribe = usePlayerStore.subscribe((s, prev) => {
    if (s.status === 'playing' && prev.status !== 'playing')
      channel.postMessage({ type: 'playing', tab });
  });
  return () => {
    unsubscribe();
    channel.close();
  };
}
