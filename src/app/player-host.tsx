import { Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { lazyComponent } from '../lib/lazy-component';
import { usePlexServices, usePms, type PmsAccess } from '../lib/plex-context';
import { useArtwork } from '../lib/use-artwork';
import { ErrorBoundary } from '../ui/error-boundary';
import { startPlayer } from './player-wiring';

/** The player's screens are their own chunk, loaded right after the first paint. */
const playerUi = () => import('../features/player/player-ui');
const NowPlaying = lazyComponent(playerUi, (m) => m.NowPlaying);
const MiniPlayer = lazyComponent(playerUi, (m) => m.MiniPlayer);
const PlayerNotice = lazyComponent(playerUi, (m) => m.PlayerNotice);
const KeyboardShortcuts = lazyComponent(playerUi, (m) => m.KeyboardShortcuts);

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
    void startPlayer(accessRef, () => cancelled).then((started) => {
      stop = started;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [clientInfo]);

  return (
    <>
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
    </>
  );
}
