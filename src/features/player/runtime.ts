import type { ConnectionTier, Track } from '../../domain';
import { isPlexError } from '../../lib/plex/errors';
import type { PmsClient } from '../../lib/plex/pms-client';
// Straight from their files, not the barrel: they stay out of the first-load chunk.
import { playbackOf } from '../../lib/plex/playback';
import { playQueuesOf } from '../../lib/plex/play-queues';
import { idbRead, idbSet } from '../../lib/idb';
import { artworkSourceOf, wantArtwork } from '../../lib/artwork';
import { startPlayerController, type SourcePurpose } from './controller';
import { HowlerEngine } from './engine/howler-engine';
import { startMediaSession } from './media-session';
import { startOnePlayerAtATime } from './one-player';
import { onGoodbye } from './goodbye';
import { pageAwayWorker, sendAsPageLeaves } from './page-away';
import { usePositionStore } from './position-store';
import { plexQueueLinkSchema, startPlayQueueMirror } from './play-queue-mirror';
import { canPlayHere } from '../../lib/codecs';
import { formatOf, streamSource, type SourceResult } from './playback-source';
import { usePlayerStore, type StreamQuality } from './player-store';
import { createScrobbleOutbox } from './scrobble-outbox';
import { streamsAhead } from './streams-ahead';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';
import { onWindowOnline } from '../../lib/network-status';
import type { ResumePoint } from './track-loader';

/** The current server, read at call time (it can change). */
/** Where a download's bytes come from: the player's rule, beside its own for streaming. */
export { downloadFrom } from './download-url';

export interface PlayerServer {
  serverId: string;
  /** How the server is reached now: "Auto" quality fits Plex Relay's cap. */
  tier(): ConnectionTier | null;
  client: PmsClient;
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
  /** Calls back when the network returns (default: the window's 'online' event). */
  whenOnline?(listener: () => void): () => void;
  /** The server refused our token (401): the sign-in may have been revoked. */
  onUnauthorized(): void;
  /** Re-probe the server's connections after a stall or a dropped stream. */
  failover(): Promise<void>;
  /** This player's session with Plex (one per tab): X-Plex-Session-Identifier of its reports. */
  sessionId: string;
  /** Where the restored queue's entry stopped (a reopened app): it resumes there. */
  resumeAt?: ResumePoint | null;
}

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

const PLEX_QUEUE_KEY = 'player-plex-queue';

/**
 * Everything that plays audio, in its own chunk: howler, the controller, Plex's play queue,
 * the reporter and the media session load after the first paint (nothing plays before asked).
 */
export async function startPlayerRuntime(deps: PlayerRuntimeDeps): Promise<() => void> {
  const urls = localUrls();
  const ahead = streamsAhead();
  /** Transcode sessions open on the server: stopped on the way out too. */
  const openSessions = new Set<string>();
  const sourceOptions = {
    newSession: () => crypto.randomUUID(),
    onSession: (session: string, open: boolean) =>
      open ? openSessions.add(session) : openSessions.delete(session),
  };

  const stream = (track: Track, quality: StreamQuality, purpose: SourcePurpose) => {
    if (!deps.isOnline())
      return { ok: false, reason: "it isn't downloaded, and there's no network" } as const;
    const server = deps.server();
    // Made ahead at this very quality: the same stream (a quality change makes a new one).
    return ahead.claim(
      `${track.id}@${quality}`,
      () =>
        streamSource(
          track,
          quality,
          server ? playbackOf(server.client) : null,
          server?.tier() ?? null,
          canPlayHere,
          sourceOptions,
        ),
      purpose === 'play',
    );
  };
  const resolve = (
    track: Track,
    quality: StreamQuality,
    purpose: SourcePurpose,
  ): SourceResult | Promise<SourceResult> => {
    const copy = deps.localCopy(track);
    if (!copy) return stream(track, quality, purpose);
    const format = copy.transcoded ? 'mp3' : formatOf(track);
    const known = urls.get(copy.key);
    if (known) return { ok: true, source: { url: known, format, transcoded: false, local: true } };
    return copy.read().then(
      (blob): SourceResult | Promise<SourceResult> =>
        blob
          ? {
              ok: true,
              source: { url: urls.add(copy.key, blob), format, transcoded: false, local: true },
            }
          : stream(track, quality, purpose),
      () => stream(track, quality, purpose),
    );
  };

  const restored = await idbRead(PLEX_QUEUE_KEY, plexQueueLinkSchema).catch(() => undefined);
  const mirror = startPlayQueueMirror({
    server: () => {
      const server = deps.isOnline() ? deps.server() : null;
      return server && { serverId: server.serverId, playQueues: playQueuesOf(server.client) };
    },
    queue: () => usePlayerStore.getState().queue,
    restored: restored ?? null,
    save: (link) => void idbSet(PLEX_QUEUE_KEY, link).catch(() => undefined),
  });
  const stopMirroring = usePlayerStore.subscribe((s, prev) => {
    if (s.queue !== prev.queue) mirror.queueChanged(prev.queue, s.queue);
  });

  const scrobbles = createScrobbleOutbox(async ({ serverId, trackId }) => {
    const server = deps.server();
    if (!server || server.serverId !== serverId || !deps.isOnline()) throw new Error('not now');
    await playbackOf(server.client).scrobble(trackId);
  });
  const plexTimeline = async (
    { entryId, ...report }: TimelineReport,
    knownItemId: number | undefined,
    server: PlayerServer | null,
  ) => {
    if (!server) return;
    const playQueueItemId = knownItemId ?? (await mirror.itemIdFor(entryId));
    await playbackOf(server.client)
      .timeline({ ...report, playQueueItemId, sessionId: deps.sessionId })
      .catch((error: unknown) => {
        if (isPlexError(error, 'unauthorized')) deps.onUnauthorized();
        throw error;
      });
    // The server answers again: plays made while it didn't can go now.
    scrobbles.flushIfAny();
  };
  let leaving = false;
  const reporterDeps = {
    timeline: async (report: TimelineReport) => {
      // Said goodbye (signing out): a late "paused" must not bring the session back.
      if (leaving) return;
      // Named now: a `stopped` for an entry of a queue just replaced still names its item, and
      // goes to the server it was played from (signing out takes the server away at once).
      const known = mirror.knownItemId(report.entryId);
      const server = deps.server();
      await afterThisTask();
      if (deps.isOnline()) await plexTimeline(report, known, server);
    },
    scrobble: async (trackId: string) => {
      const serverId = deps.server()?.serverId;
      if (serverId) await scrobbles.scrobble({ serverId, trackId });
    },
  };
  const reporter = createTimelineReporter(reporterDeps);
  const flush = () => void scrobbles.flush();
  const stopWatching = (deps.whenOnline ?? onWindowOnline)(flush);
  const workerSends = pageAwayWorker();

  /** The page is going away: Plex hears `stopped`, and open transcodes end (page-away.ts). */
  const onPageHide = (event: PageTransitionEvent) => {
    const server = deps.server();
    // Kept in the back/forward cache, the page may come back as it was: nothing is ended.
    if (!server || event.persisted) return;
    const playback = playbackOf(server.client);
    const out = [...openSessions].map((session) => playback.stopTranscodeUrl(session));
    const last = reporter.lastReport();
    if (last && last.state !== 'stopped') {
      const { entryId, ...report } = last;
      out.unshift(
        playback.timelineUrl({
          ...report,
          state: 'stopped',
          playQueueItemId: mirror.knownItemId(entryId),
          sessionId: deps.sessionId,
        }),
      );
    }
    openSessions.clear();
    sendAsPageLeaves(out, workerSends());
  };
  window.addEventListener('pagehide', onPageHide);
  onGoodbye(async () => {
    const server = deps.server();
    const position = usePositionStore.getState();
    const last = reporter.lastReport();
    const stops = [...openSessions].map((session) =>
      server ? playbackOf(server.client).stopTranscode(session) : Promise.resolve(),
    );
    openSessions.clear();
    const stopped = reporter.stop(
      last && position.uid === last.entryId ? position.positionMs : undefined,
    );
    leaving = true;
    await Promise.all([stopped, ...stops]);
  });

  const stopController = startPlayerController({
    engine: new HowlerEngine(),
    resolve,
    reporter,
    onStall: deps.failover,
    resumeAt: deps.resumeAt,
  });
  const stopSession = startMediaSession((track, px, onChange) => {
    const server = deps.server();
    return server && track.thumb
      ? wantArtwork(artworkSourceOf(server.client), track.thumb, px, onChange)
      : () => undefined;
  });
  const stopOnePlayer = startOnePlayerAtATime();
  return () => {
    onGoodbye(null);
    window.removeEventListener('pagehide', onPageHide);
    stopWatching();
    stopMirroring();
    stopOnePlayer();
    stopSession();
    stopController();
    urls.clear();
  };
}
