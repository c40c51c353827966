import {
  currentQueueItem,
  loadPlayerRuntime,
  loadPosition,
  player,
  usePlayerStore,
  usePlayerView,
} from '../features/player';
import { useSessionStore } from '../features/auth';
import { useServersStore } from '../features/servers';
import type { PmsAccess } from '../lib/plex-context';
import type { TrackActions } from '../lib/track-actions';
import type { Track } from '../domain';
import type { LocalCopy } from '../features/player';
import { downloadsModule } from './downloads-bridge';
import { network, whenNetworkReturns } from './network';

const sessionId = crypto.randomUUID();

/** A finished download of the track, if the downloads module (loaded after paint) has one. */
function localCopy(track: Track): LocalCopy | null {
  const downloads = downloadsModule();
  if (!downloads) return null;
  const { onDevice, jobs } = downloads.useDownloadsStore.getState();
  // Only the queue's own server's copy: part ids collide between servers (features/downloads).
  const serverId = usePlayerStore.getState().serverId ?? shownServerId();
  const key = downloads.keyOnDevice(onDevice, track, serverId);
  const job = key ? jobs[key] : undefined;
  if (!key || !job) return null;
  return { key, read: () => downloads.readFile(key), transcoded: job.quality !== 'original' };
}

/** The server whose library is on screen: the tracks a list hands the player are its. */
const shownServerId = () => useServersStore.getState().selectedId;

/** What the library's lists may ask of the player: its commands, for the server on screen. */
export const trackActions: TrackActions = {
  play: (tracks, index, origin) => player.playTracks(tracks, index, origin, shownServerId()),
  prepare: (track) => player.prime(track),
  playNext: (tracks) => player.playNext(tracks, shownServerId()),
  addToQueue: (tracks) => player.addToQueue(tracks, shownServerId()),
  useCurrentTrackId: () => usePlayerView((s) => currentQueueItem(s.queue)?.track.id ?? null),
};

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
