import type { Track } from '../../domain';
import type { ArtworkState } from '../../lib/artwork-cache';
import { player as commands } from './player';
import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import { current } from './queue';

/**
 * Lock screen, notification and media keys (howler has no Media Session support): metadata with
 * artwork from memory (a blob: URL, never one with the token: docs/decisions/015), handlers, and
 * a position state kept valid — setPositionState
 * throws when position > duration or duration isn't finite, so both are clamped. WebKit drops
 * handlers when playback starts: they are set again on every "playing". seekforward/backward are
 * left out: on iOS they replace previous/next.
 */
/**
 * The lock screen's artwork for a track: `onChange` hears its state; the returned function lets
 * it go. Chromium's media notification takes blob: (and data:) URLs (web.dev "Media Session").
 */
export type LockScreenArtwork = (
  track: Track,
  px: number,
  onChange: (state: ArtworkState) => void,
) => () => void;

/** One size, the one Chrome for Android's notification asks for (web.dev "Media Session"). */
const LOCK_SCREEN_PX = 512;

export function startMediaSession(artworkOf: LockScreenArtwork): () => void {
  if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return () => undefined;
  const session = navigator.mediaSession;
  const player = usePlayerStore;

  const setHandlers = () => {
    const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
      ['play', () => commands.play()],
      ['pause', () => commands.pause()],
      ['nexttrack', () => commands.next()],
      ['previoustrack', () => commands.previous()],
      [
        'seekto',
        (details) => details.seekTime !== undefined && commands.seek(details.seekTime * 1000),
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
   * Artwork is asked for once the track plays: until the first audio arrives its fetch would
   * compete with it on the same server. The image is held (its blob: URL kept alive) while its
   * track is the current one: the browser may fetch it again whenever it draws its controls.
   */
  let artworkFor: Track | null = null;
  let letGo: () => void = () => undefined;
  const show = (track: Track, artwork: MediaImage[]) => {
    session.metadata = new MediaMetadata({
      title: track.title,
      artist: track.artist,
      album: track.album,
      artwork,
    });
  };
  const setMetadata = (track: Track | undefined, withArtwork: boolean) => {
    letGo();
    letGo = () => undefined;
    artworkFor = null;
    if (!track) {
      session.metadata = null;
      return;
    }
    show(track, []);
    if (!withArtwork) return;
    artworkFor = track;
    letGo = artworkOf(track, LOCK_SCREEN_PX, (state) => {
      if (state.status === 'ready' && artworkFor === track)
        show(track, [
          { src: state.url, sizes: `${LOCK_SCREEN_PX}x${LOCK_SCREEN_PX}`, type: state.type },
        ]);
    });
  };

  let lastPositionUpdate = -Infinity;
  const setPosition = (force = false) => {
    const now = performance.now();
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
  const start = player.getState();
  setMetadata(current(start.queue)?.track, true);
  // A tap made while the player's code was still arriving has already asked to play.
  if (current(start.queue)) session.playbackState = start.wantsToPlay ? 'playing' : 'paused';
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
    letGo();
  };
}
