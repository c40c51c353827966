import * as v from 'valibot';
import { PlexError } from './errors';
import type { PmsClient } from './pms-client';
import type { PmsTransport } from './transport';
import { buildUrl, serverPath } from './urls';
import { transcodeParams, type TranscodeRequest } from './transcode';

/** What Plex's `/:/timeline` takes as `state`: the one list, used by the player's reporter too. */
export type TimelineState = 'playing' | 'paused' | 'buffering' | 'stopped';

export interface TimelineReport {
  trackId: string;
  state: TimelineState;
  timeMs: number;
  durationMs: number;
  /** The Plex play-queue item playing: without it Plex shows no "Now Playing" for us. */
  playQueueItemId?: number;
  /** This player's session (one per tab), sent as X-Plex-Session-Identifier. */
  sessionId: string;
}

const decisionSchema = v.looseObject({
  MediaContainer: v.looseObject({
    generalDecisionCode: v.optional(v.union([v.number(), v.string()])),
    generalDecisionText: v.optional(v.string()),
  }),
});

/** Plex's decision codes: 1xxx can play (1000 direct, 1001 converted), 2xxx+ can't. */
const CAN_PLAY_BELOW = 2000;

/** Now-playing report. Plex answers 400 when time > duration, so it is clamped (KODI). */
function timelineParams(report: TimelineReport): Record<string, string | number> {
  const duration = Math.max(0, Math.round(report.durationMs));
  const params: Record<string, string | number> = {
    ratingKey: report.trackId,
    key: `/library/metadata/${report.trackId}`,
    state: report.state,
    time: Math.min(Math.max(0, Math.round(report.timeMs)), duration || Number.MAX_SAFE_INTEGER),
    duration,
    hasMDE: 1,
    'X-Plex-Session-Identifier': report.sessionId,
  };
  if (report.playQueueItemId !== undefined) params.playQueueItemID = report.playQueueItemId;
  return params;
}

/**
 * What playing needs from a server: file and transcoder URLs (they carry the token and go only
 * to the audio element), the transcoder's decision and stop, and what Plex hears back.
 */
export class PmsPlayback {
  constructor(private readonly transport: PmsTransport) {}

  /** Direct play of a file part. */
  partUrl(partKey: string): string {
    return buildUrl(serverPath(this.transport.origin(), partKey), this.transport.params());
  }

  /** Must come before the stream's start: a start without one is refused (400). */
  async transcodeDecision(request: TranscodeRequest, signal?: AbortSignal): Promise<void> {
    const body = await this.transport.get(
      decisionSchema,
      '/music/:/transcode/universal/decision',
      transcodeParams(request),
      signal,
    );
    const code = Number(body.MediaContainer.generalDecisionCode ?? 1001);
    if (code >= CAN_PLAY_BELOW)
      throw new PlexError({
        code: 'cannot-convert',
        detail: body.MediaContainer.generalDecisionText,
      });
  }

  /** The stream itself: MP3, chunked, starting at `offsetMs`. */
  transcodeUrl(request: TranscodeRequest): string {
    return this.transport.url('/music/:/transcode/universal/start.mp3', transcodeParams(request));
  }

  /** Ends a transcode on the server (sessions left open pile up there). */
  stopTranscodeUrl(session: string): string {
    return this.transport.url('/video/:/transcode/universal/stop', { session });
  }

  async stopTranscode(session: string): Promise<void> {
    await this.transport.fire('/video/:/transcode/universal/stop', 'GET', { session });
  }

  async timeline(report: TimelineReport): Promise<void> {
    await this.transport.fire('/:/timeline', 'GET', timelineParams(report));
  }

  /** The same report as a URL, for a page that is going away (sent by the service worker). */
  timelineUrl(report: TimelineReport): string {
    return this.transport.url('/:/timeline', timelineParams(report));
  }

  /** Marks a track played (play count, history). */
  async scrobble(trackId: string): Promise<void> {
    await this.transport.fire('/:/scrobble', 'GET', {
      key: trackId,
      identifier: 'com.plexapp.plugins.library',
    });
  }

  /**
   * Star rating, 0–10 (five stars = 10), or null to clear it: Plex clears with -1 (python-plexapi
   * `rate(None)`); 0 would store a rating of zero stars.
   */
  async rate(trackId: string, rating: number | null): Promise<void> {
    await this.transport.fire('/:/rate', 'PUT', {
      key: trackId,
      identifier: 'com.plexapp.plugins.library',
      rating: rating === null ? -1 : Math.max(0, Math.min(10, Math.round(rating))),
    });
  }
}

const playbacks = new WeakMap<PmsTransport, PmsPlayback>();

/**
 * A server's playback calls. Not a field of PmsClient: only the player and downloads (loaded
 * after the first paint) need them, so they stay out of the first-load JavaScript.
 */
export function playbackOf({ transport }: PmsClient): PmsPlayback {
  let found = playbacks.get(transport);
  if (!found) playbacks.set(transport, (found = new PmsPlayback(transport)));
  return found;
}
