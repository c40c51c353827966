import type { Track } from '../../domain';
import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import { current } from './queue';

/**
 * Lock screen, notification and media keys (howler has no Media Session support): metadata with
 * sized absolute artwork URLs, handlers, and a position state kept valid — setPositionState
 * throws when position > duration or duration isn't finite, so both are clamped. WebKit drops
 * handlers when playback starts: they are set again on every "playing". seekforward/backward are
 * left out: on iOS they replace previous/next.
 */
export function startMediaSession(
  artworkUrl: (track: Track, px: number) => string | undefined,
): () => void {
  if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return () => undefined;
  const session = navigator.mediaSession;
  const player = usePlayerStore;

  const setHandlers = () => {
    const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
      ['play', () => player.getState().play()],
      ['pause', () => player.getState().pause()],
      ['nexttrack', () => player.getState().next()],
      ['previoustrack', () => player.getState().previous(usePositionStore.getState().positionMs)],
      [
        'seekto',
        (details) =>
          details.seekTime !== undefined && player.getState().seek(details.seekTime * 1000),
      ],
    ];
    for (const [action, handler] of handlers) {
      try {
        session.setActionHandler(action, handler);
      } catch {
        // An action this browser doesn't know.
      }
    }
  };

  /**
   * Artwork is added once the track plays: the browser fetches it as soon as it is set, and
   * until the first audio arrives that fetch would compete with it on the same server.
   */
  let artworkFor: Track | null = null;
  const setMetadata = (track: Track | undefined, withArtwork: boolean) => {
    if (!track) {
      session.metadata = null;
      artworkFor = null;
      return;
    }
    artworkFor = withArtwork ? track : null;
    const artwork = (withArtwork ? [96, 192, 512] : [])
      .map((px) => ({ src: artworkUrl(track, px), sizes: `${px}x${px}`, type: 'image/jpeg' }))
      .filter((a): a is { src: string; sizes: string; type: string } => Boolean(a.src));
    session.metadata = new MediaMetadata({
      title: track.title,
      artist: track.artist,
      album: track.album,
      artwork,
    });
  };

  let lastPositionUpdate = 0;
  const setPosition = (force = false) => {
    const now = Date.now();
    if (!force && now - lastPositionUpdate < 1000) return;
    lastPositionUpdate = now;
    const { positionMs, durationMs } = usePositionStore.getState();
    const duration = durationMs / 1000;
    if (!Number.isFinite(duration) || duration <= 0) return;
    try {
      session.setPositionState({
        duration,
        position: Math.min(Math.max(0, positionMs / 1000), duration),
        playbackRate: 1,
      });
    } catch {
      // Never let the lock screen break playback.
    }
  };

  setHandlers();
  setMetadata(current(player.getState().queue)?.track, true);
  const offPlayer = player.subscribe((s, prev) => {
    const track = current(s.queue)?.track;
    if (track !== current(prev.queue)?.track) setMetadata(track, s.status === 'playing');
    if (s.wantsToPlay !== prev.wantsToPlay)
      session.playbackState = s.wantsToPlay ? 'playing' : 'paused';
    if (s.status === 'playing' && prev.status !== 'playing') {
      if (track && artworkFor !== track) setMetadata(track, true);
      setHandlers();
      setPosition(true);
    }
  });
  const offPosition = usePositionStore.subscribe(() => setPosition());
  return () => {
    offPlayer();
    offPosition();
  };
}
