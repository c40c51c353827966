import type { ConnectionTier, Track } from '../../domain';
import { isPlexError } from '../../lib/plex/errors';
import type { TranscodeRequest } from '../../lib/plex/transcode';
import type { PlaybackSource } from './engine/audio-engine';
import type { StreamQuality } from './player-store';
import { browserCanPlay, formatOf } from '../../lib/codecs';

export { formatOf } from '../../lib/codecs';

/** What the player needs from a server to stream (PmsClient's `playback` has it). */
export interface StreamServer {
  partUrl(partKey: string): string;
  transcodeDecision(request: TranscodeRequest, signal?: AbortSignal): Promise<void>;
  transcodeUrl(request: TranscodeRequest): string;
  stopTranscode(session: string): Promise<void>;
}

/**
 * Plex Relay carries about 1 Mbps (2 with Plex Pass; docs/plex-api.md): on it, "Auto" plays an
 * original only up to this bitrate (room for the next track's preload and artwork beside it)…
 */
const RELAY_DIRECT_MAX_KBPS = 320;
/** …and transcodes anything bigger to this. */
const RELAY_KBPS = 192;

/** How a track will be streamed: its file as it is, or transcoded to MP3 at `kbps`. */
export type StreamPlan = { direct: true } | { direct: false; kbps: number };

/**
 * The one rule for what to stream. "Auto": the original on local and direct remote
 * connections (transcoded at 320 only when the browser can't play the codec), and on Plex Relay
 * transcoded to fit its cap unless the original is small enough. A chosen bitrate transcodes to
 * it, unless the original is playable and already no bigger. "Original" never shrinks a file.
 */
export function planStream(
  track: Track,
  quality: StreamQuality,
  tier: ConnectionTier | null,
  canPlayType: (mime: string) => string,
): StreamPlan {
  const playable = browserCanPlay(track, canPlayType);
  const bitrate = track.media?.bitrate;
  const fits = (kbps: number) => playable && bitrate !== undefined && bitrate <= kbps;
  if (quality === 'original') return playable ? { direct: true } : { direct: false, kbps: 320 };
  if (quality === 'auto') {
    if (tier !== 'relay') return playable ? { direct: true } : { direct: false, kbps: 320 };
    return fits(RELAY_DIRECT_MAX_KBPS) ? { direct: true } : { direct: false, kbps: RELAY_KBPS };
  }
  const kbps = Number(quality);
  return fits(kbps) ? { direct: true } : { direct: false, kbps };
}

/**
 * The transcoder's rule, for playing and for downloading alike: a decision for a fresh session
 * first (a start without one is refused), then the stream; a refused decision stops the session
 * (docs/plex-api.md "Universal transcoder").
 */
export async function startTranscode(
  server: StreamServer,
  request: TranscodeRequest,
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await server.transcodeDecision(request);
    return { ok: true };
  } catch (error) {
    void server.stopTranscode(request.session).catch(() => undefined);
    return { ok: false, error };
  }
}

/** The server wasn't reached: the network's doing, not the track's. */
export const serverUnreached = (error: unknown): boolean =>
  isPlexError(error) && ['unreachable', 'timeout', 'offline'].includes(error.kind);

/** `waiting`: nothing wrong with the track, the server just isn't reachable yet. */
export type SourceResult =
  { ok: true; source: PlaybackSource } | { ok: false; reason: string; waiting?: boolean };

export interface SourceOptions {
  newSession(): string;
  /** Told of every transcode session started, and when it is stopped (page-away bookkeeping). */
  onSession?(session: string, open: boolean): void;
}

/**
 * A transcoded stream: the decision first (a start without one is refused), then the stream;
 * a seek is a new start at `offset` with the same session; letting it go stops the session.
 */
export async function transcodedSource(
  track: Track,
  kbps: number,
  server: StreamServer,
  options: SourceOptions,
): Promise<SourceResult> {
  const session = options.newSession();
  const request = { trackId: track.id, kbps, session };
  const started = await startTranscode(server, request);
  if (!started.ok) {
    // Not reaching the server (or a refusal the browser hides as that) is not the track's
    // fault: it waits, instead of skipping on through a queue that can't play either.
    const { error } = started;
    if (serverUnreached(error) || (isPlexError(error) && error.kind === 'unauthorized'))
      return { ok: false, reason: "the server can't be reached", waiting: true };
    return { ok: false, reason: "the server couldn't convert it for this browser" };
  }
  options.onSession?.(session, true);
  let released = false;
  const at = (offsetMs: number): PlaybackSource => {
    // The transcoder starts at whole seconds: the position follows what it really sends.
    const offset = Math.floor(Math.max(0, offsetMs) / 1000) * 1000;
    return {
      url: server.transcodeUrl({ ...request, offsetMs: offset }),
      format: 'mp3',
      transcoded: true,
      kbps,
      offsetMs: offset,
      durationMs: track.durationMs,
      restartAt: at,
      release: () => {
        if (released) return;
        released = true;
        options.onSession?.(session, false);
        void server.stopTranscode(session).catch(() => undefined);
      },
    };
  };
  return { ok: true, source: at(0) };
}

/** The source for a track streamed from `server` (null: not connected yet). */
export function streamSource(
  track: Track,
  quality: StreamQuality,
  server: StreamServer | null,
  tier: ConnectionTier | null,
  canPlayType: (mime: string) => string,
  options: SourceOptions,
): SourceResult | Promise<SourceResult> {
  if (!track.media) return { ok: false, reason: 'the server has no playable file for it' };
  if (!server) return { ok: false, reason: "the server can't be reached", waiting: true };
  const plan = planStream(track, quality, tier, canPlayType);
  if (!plan.direct) return transcodedSource(track, plan.kbps, server, options);
  let url: string;
  try {
    url = server.partUrl(track.media.partKey);
  } catch {
    return { ok: false, reason: 'the server gave a file address PlexM8 won’t follow' };
  }
  return {
    ok: true,
    source: { url, format: formatOf(track), transcoded: false },
  };
}
