import { Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  currentQueueItem,
  loadPlayerRuntime,
  loadPosition,
  usePlayerStore,
  usePlayerView,
} from '../features/player';
import { useSessionStore } from '../features/auth';
import { useServersStore } from '../features/servers';
import { lazyComponent } from '../lib/lazy-component';
import { usePlexServices, usePms, type PmsAccess } from '../lib/plex-context';
import { TrackActionsProvider, type TrackActions } from '../lib/track-actions';
import { useArtwork } from '../lib/use-artwork';
import { ErrorBoundary } from '../ui/error-boundary';
import type { Track } from '../domain';
import type { LocalCopy } from '../features/player';
import { downloadsModule } from './downloads-bridge';
import { network, whenNetworkReturns } from './network';

/** The player's screens are their own chunk, loaded right after the first paint. */
const playerUi = () => import('../features/player/player-ui');
const NowPlaying = lazyComponent(playerUi, (m) => m.NowPlaying);
const MiniPlayer = lazyComponent(playerUi, (m) => m.MiniPlayer);
const PlayerNotice = lazyComponent(playerUi, (m) => m.PlayerNotice);
const KeyboardShortcuts = lazyComponent(playerUi, (m) => m.KeyboardShortcuts);

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

const trackActions: TrackActions = {
  play: (tracks, index, origin) =>
    usePlayerStore.getState().playTracks(tracks, index, origin, shownServerId()),
  prepare: (track) => usePlayerStore.getState().prime(track),
  playNext: (tracks) => usePlayerStore.getState().playNext(tracks, shownServerId()),
  addToQueue: (tracks) => usePlayerStore.getState().addToQueue(tracks, shownServerId()),
  useCurrentTrackId: () => usePlayerView((s) => currentQueueItem(s.queue)?.track.id ?? null),
};

/**
 * Wires the player (features/player) to the current server (PmsAccess) and to connection
 * failover (features/servers): features don't import each other, app/ joins them.
 */
export function PlayerHost({ children }: { children: ReactNode }) {
  const access = usePms();
  const { clientInfo } = usePlexServices();
  const accessRef = useRef<PmsAccess | null>(access);
  // The controller lives outside React and reads the current server at call time.
  useEffect(() => {
    accessRef.current = access;
  }, [access]);
  const urlFor = useArtwork();
  const navigate = useNavigate();
  const goToSearch = useMemo(() => () => void navigate('/search'), [navigate]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void playerUi();
    void Promise.all([loadPosition(), loadPlayerRuntime()]).then(async ([saved, runtime]) => {
      if (cancelled) return;
      // Reopened app: the queue is back (persisted store); resume where it stopped.
      const item = currentQueueItem(usePlayerStore.getState().queue);
      if (saved && item && saved.uid === item.uid)
        usePlayerStore.setState({ startAtMs: saved.positionMs });
      const started = await runtime.startPlayerRuntime({
        // Only the queue's own server: its ids would name other songs anywhere else.
        server: () => {
          const current = accessRef.current;
          if (!current) return null;
          const player = usePlayerStore.getState();
          if (player.serverId === null && player.queue.items.length > 0)
            player.adoptServer(current.serverId);
          if (usePlayerStore.getState().serverId !== current.serverId) return null;
          return { serverId: current.serverId, tier: current.tier, client: current.client };
        },
        localCopy,
        isOnline: () => network.isUp(),
        whenOnline: whenNetworkReturns,
        onUnauthorized: () => useSessionStore.getState().recheckToken(),
        sessionId,
        // A stalled or dropped stream: the same check as a failed request (refusal-check.ts).
        failover: () => accessRef.current?.serverUnreachable() ?? Promise.resolve(),
      });
      if (cancelled) started();
      else stop = started;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [clientInfo]);

  return (
    <TrackActionsProvider value={trackActions}>
      {children}
      <ErrorBoundary what="the player">
        {/* Its own boundary: the player's chunk arriving never holds up the screens. */}
        <Suspense fallback={null}>
          <KeyboardShortcuts onSearch={goToSearch} />
          <PlayerNotice />
          <MiniPlayer urlFor={urlFor} />
          <NowPlaying urlFor={urlFor} />
        </Suspense>
      </ErrorBoundary>
    </TrackActionsProvider>
  );
}
