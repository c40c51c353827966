import type { Track } from '../../domain';
import { startPlayerController } from './controller';
import { HowlerEngine } from './engine/howler-engine';
import { startMediaSession } from './media-session';
import { chooseSource, type StreamUrls } from './playback-source';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';

/** What the player needs from the current server, read at call time (it can change). */
export interface PlayerServer extends StreamUrls {
  timeline(report: TimelineReport): Promise<void>;
  scrobble(trackId: string): Promise<void>;
  artworkUrl(path: string, px: number): string;
}

export interface PlayerRuntimeDeps {
  server(): PlayerServer | null;
  /** Re-probe the server's connections after a stall or a dropped stream. */
  failover(): Promise<void>;
  sessionId: string;
}

const canPlayType = (mime: string) =>
  typeof Audio === 'undefined' ? '' : new Audio().canPlayType(mime);

/** Reports leave after the current task: the task a tap runs in is for starting the audio. */
const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Everything that plays audio, in its own chunk: howler, the controller, the reporter and the
 * media session load after the first paint (nothing plays before the user asks).
 */
export function startPlayerRuntime(deps: PlayerRuntimeDeps): () => void {
  const stopController = startPlayerController({
    engine: new HowlerEngine(),
    resolve: (track, quality) =>
      chooseSource(track, quality, deps.server(), canPlayType, deps.sessionId),
    reporter: createTimelineReporter({
      timeline: async (report) => {
        await afterThisTask();
        await deps.server()?.timeline(report);
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
  return () => {
    stopSession();
    stopController();
  };
}
