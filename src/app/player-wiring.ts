import {
  currentQueueItem,
  loadPlayerRuntime,
  loadPosition,
  player,
  usePlayerStore,
} from '../features/player';
import { useSessionStore } from '../features/auth';
import { keyOnDevice, readDownloadedFile, useDownloadsStore } from '../features/downloads';
import { useServersStore } from '../features/servers';
import type { PmsAccess } from '../lib/plex-context';
import type { Track } from '../domain';
import type { LocalCopy } from '../features/player';
import { network, whenNetworkReturns } from './network';

const sessionId = crypto.randomUUID();

/**
 * A finished download of the track, if there is one: the downloads store is here from the start,
 * and fills once the downloads module (after paint) has read what is saved.
 */
function localCopy(track: Track): LocalCopy | null {
  const { onDevice, jobs } = useDownloadsStore.getState();
  // Only the queue's own server's copy: part ids collide between servers (features/downloads).
  const serverId = usePlayerStore.getState().serverId ?? useServersStore.getState().selectedId;
  const key = keyOnDevice(onDevice, track, serverId);
  const job = key ? jobs[key] : undefined;
  if (!key || !job) return null;
  return { key, read: () => readDownloadedFile(key), transcoded: job.quality !== 'original' };
}

/**
 * Starts the audio side (its own chunk) against the current server, read at call time from
 * `access`. Resolves to its stopping (null when `cancelled()` before it started).
 */
export async function startPlayer(
  access: { readonly current: PmsAccess | null },
  cancelled: () => boolean,
): Promise<(() => void) | null> {
  const [saved, runtime] = await Promise.all([loadPosition(), loadPlayerRuntime()]);
  if (cancelled()) return null;
  // Reopened app: the queue is back (persisted store); resume where it stopped.
  const item = currentQueueItem(usePlayerStore.getState().queue);
  const resumeAt =
    saved && item && saved.uid === item.uid
      ? { uid: saved.uid, positionMs: saved.positionMs }
      : null;
  const started = await runtime.startPlayerRuntime({
    // Only the queue's own server: its ids would name other songs anywhere else.
    server: () => {
      const current = access.current;
      if (!current) return null;
      if (usePlayerStore.getState().queue.items.length > 0) player.adoptServer(current.serverId);
      if (usePlayerStore.getState().serverId !== current.serverId) return null;
      return { serverId: current.serverId, tier: current.tier, client: current.client };
    },
    localCopy,
    isOnline: () => network.isUp(),
    whenOnline: whenNetworkReturns,
    onUnauthorized: () => useSessionStore.getState().recheckToken(),
    sessionId,
    resumeAt,
    // A stalled or dropped stream: the same check as a failed request (refusal-check.ts).
    failover: () => access.current?.serverUnreachable() ?? Promise.resolve(),
  });
  if (!cancelled()) return started;
  started();
  return null;
}
