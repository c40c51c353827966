import type { Track } from '../../domain';
import { isPlexError } from '../../lib/plex';
import { startPlayerController } from './controller';
import { HowlerEngine } from './engine/howler-engine';
import { startMediaSession } from './media-session';
import { startOnePlayerAtATime } from './one-player';
import { chooseSource, formatOf, type SourceResult, type StreamUrls } from './playback-source';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';

/** What the player needs from the current server, read at call time (it can change). */
export interface PlayerServer extends StreamUrls {
  timeline(report: TimelineReport): Promise<void>;
  scrobble(trackId: string): Promise<void>;
  artworkUrl(path: string, px: number): string;
}

/** A finished download of a track: where to read it, and whether it was transcoded to MP3. */
export interface LocalCopy {
  key: string;
  read(): Promise<Blob | undefined>;
  transcoded: boolean;
}

export interface PlayerRuntimeDeps {
  server(): PlayerServer | null;
  /** A copy of the track on the device, played before any stream (offline, and to save data). */
  localCopy(track: Track): LocalCopy | null;
  isOnline(): boolean;
  /** The server refused our token (401): the sign-in may have been revoked. */
  onUnauthorized(): void;
  /** Re-probe the server's connections after a stall or a dropped stream. */
  failover(): Promise<void>;
  sessionId: string;
}

const canPlayType = (mime: string) =>
  typeof Audio === 'undefined' ? '' : new Audio().canPlayType(mime);

/**
 * Object URLs for copies on the device, kept for the few sounds the engine can hold at once
 * (current, next, primed): the same track keeps the same URL, so a preloaded next track is
 * reused at the hand-over. Older ones are revoked.
 */
function localUrls(size = 4) {
  const urls = new Map<string, string>();
  return {
    get: (key: string) => urls.get(key),
    add(key: string, blob: Blob) {
      const url = URL.createObjectURL(blob);
      urls.set(key, url);
      for (const [old, oldUrl] of urls) {
        if (urls.size <= size) break;
        urls.delete(old);
        URL.revokeObjectURL(oldUrl);
      }
      return url;
    },
    clear() {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    },
  };
}

/** Reports leave after the current task: the task a tap runs in is for starting the audio. */
const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Everything that plays audio, in its own chunk: howler, the controller, the reporter and the
 * media session load after the first paint (nothing plays before the user asks).
 */
export function startPlayerRuntime(deps: PlayerRuntimeDeps): () => void {
  const urls = localUrls();
  const stream = (track: Track, quality: Parameters<typeof chooseSource>[1]): SourceResult => {
    if (!deps.isOnline())
      return { ok: false, reason: "it isn't downloaded, and there's no network" };
    return chooseSource(track, quality, deps.server(), canPlayType, deps.sessionId);
  };
  const resolve = (
    track: Track,
    quality: Parameters<typeof chooseSource>[1],
  ): SourceResult | Promise<SourceResult> => {
    const copy = deps.localCopy(track);
    if (!copy) return stream(track, quality);
    const format = copy.transcoded ? 'mp3' : formatOf(track);
    const known = urls.get(copy.key);
    if (known) return { ok: true, source: { url: known, format, transcoded: false } };
    return copy.read().then(
      (blob): SourceResult =>
        blob
          ? { ok: true, source: { url: urls.add(copy.key, blob), format, transcoded: false } }
          : stream(track, quality),
      () => stream(track, quality),
    );
  };
  const stopController = startPlayerController({
    engine: new HowlerEngine(),
    resolve,
    reporter: createTimelineReporter({
      timeline: async (report) => {
        await afterThisTask();
        await deps
          .server()
          ?.timeline(report)
          .catch((error: unknown) => {
            if (isPlexError(error, 'unauthorized')) deps.onUnauthorized();
            throw error;
          });
      },
      scrobble: async (id) => deps.server()?.scrobble(id),
    }),
    onStall: deps.failover,
  });
  const stopSession = startMediaSession((track: Track, px: number) => {
    const server = deps.server();
    return server && track.thumb
      ? new URL(server.artworkUrl(track.thumb, px), window.location.href).toString()
      : undefined;
  });
  const stopOnePlayer = startOnePlayerAtATime();
  return () => {
    stopOnePlayer();
    stopSession();
    stopController();
    urls.clear();
  };
}
