import { readFileSync } from 'node:fs';
import type { LibTrack } from './library';
import { trackJson } from './library-json';
import type { FakeServer } from './model';
import { byteAtSeconds, mp3Frames, type Mp3Frames } from './mp3-frames';
import { corsHeaders, plexBody, plexParam, text } from './respond';

/**
 * Plex's universal transcoder for music, as real servers speak it (docs/plex-api.md "Universal
 * transcoder"): a `decision` first for a session, then `start.mp3` with the same session, which
 * answers a stream (chunked: no Content-Length, no Accept-Ranges, Range ignored) starting at
 * `offset` seconds; a newer start with the same session cuts the older stream; `stop` ends it.
 */
interface TranscodeSession {
  id: string;
  trackId: string;
  /** The X-Plex-Client-Profile-Extra the decision carried. */
  profile: string | null;
  kbps: number | null;
  /** Starts made for it (one per seek), newest last, with their offsets in seconds. */
  starts: number[];
  stoppedAt: number | null;
  /** Cuts the stream now being sent, if any. */
  cut: (() => void) | null;
}

export interface FakeTranscoder {
  sessions: Map<string, TranscodeSession>;
  /** Sessions decided and not yet stopped: what a real server would still be holding. */
  open(): TranscodeSession[];
}

export function createTranscoder(): FakeTranscoder {
  const sessions = new Map<string, TranscodeSession>();
  return { sessions, open: () => [...sessions.values()].filter((s) => s.stoppedAt === null) };
}

const frameCache = new Map<string, { bytes: Uint8Array<ArrayBuffer>; frames: Mp3Frames }>();

function transcodedOf(track: LibTrack) {
  const path = track.file.transcodedPath;
  let known = frameCache.get(path);
  if (!known) {
    const bytes = new Uint8Array(readFileSync(path));
    known = { bytes, frames: mp3Frames(bytes) };
    frameCache.set(path, known);
  }
  return known;
}

const sessionOf = (request: Request, url: URL) =>
  url.searchParams.get('session') ??
  url.searchParams.get('transcodeSessionId') ??
  plexParam(request, url, 'X-Plex-Session-Identifier');

function trackOf(server: FakeServer, url: URL): LibTrack | undefined {
  const id = /^\/library\/metadata\/(\d+)$/.exec(url.searchParams.get('path') ?? '')?.[1];
  return id === undefined ? undefined : server.library.find.track(id);
}

const CHUNK = 16 * 1024;

/** The bytes from `start`, sent a chunk per task so a cut lands mid-stream. */
function stream(bytes: Uint8Array, start: number, session: TranscodeSession): ReadableStream {
  let sent = start;
  let cut = false;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | null = null;
  session.cut?.();
  session.cut = () => {
    cut = true;
    try {
      controllerRef?.error(new Error('transcode replaced or stopped'));
    } catch {
      // Already closed.
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controllerRef = controller;
    },
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cut) return;
      controller.enqueue(bytes.slice(sent, sent + CHUNK));
      sent += CHUNK;
      if (sent >= bytes.length) controller.close();
    },
  });
}

export function pmsTranscoderRoute(
  server: FakeServer,
  request: Request,
  url: URL,
): Response | null {
  const transcoder = server.transcoder;
  if (url.pathname === '/music/:/transcode/universal/decision') {
    const track = trackOf(server, url);
    const id = sessionOf(request, url);
    if (!track || !id) return text(request, 400, 'Bad Request');
    const kbps = Number(
      url.searchParams.get('musicBitrate') ?? url.searchParams.get('maxAudioBitrate'),
    );
    transcoder.sessions.set(id, {
      id,
      trackId: track.ratingKey,
      profile: plexParam(request, url, 'X-Plex-Client-Profile-Extra'),
      kbps: Number.isFinite(kbps) && kbps > 0 ? kbps : null,
      starts: [],
      stoppedAt: null,
      cut: null,
    });
    const metadata = trackJson(server.library, track);
    return plexBody(request, 'MediaContainer', {
      MediaContainer: {
        size: 1,
        allowSync: '0',
        directPlayDecisionCode: 3000,
        directPlayDecisionText: 'App cannot direct play this item. Direct play is disabled.',
        generalDecisionCode: 1001,
        generalDecisionText: 'Direct play not available; Conversion OK.',
        transcodeDecisionCode: 1001,
        transcodeDecisionText: 'Direct play not available; Conversion OK.',
        Metadata: [
          {
            ...metadata,
            Media: [
              {
                id: track.partId + 100_000,
                duration: track.file.durationMs,
                audioChannels: 2,
                audioCodec: 'mp3',
                container: 'mp3',
                bitrate: kbps || 128,
                selected: true,
                Part: [
                  { id: track.partId, decision: 'transcode', container: 'mp3', selected: true },
                ],
              },
            ],
          },
        ],
      },
    });
  }

  if (url.pathname === '/music/:/transcode/universal/start.mp3') {
    const track = trackOf(server, url);
    const id = sessionOf(request, url);
    const session = id ? transcoder.sessions.get(id) : undefined;
    // "The decision endpoint MUST be called before start.mp3 or PMS returns 400" (ENSEMBLE).
    if (!track || !session || session.stoppedAt !== null || session.trackId !== track.ratingKey)
      return text(request, 400, 'Bad Request');
    const offset = Math.max(0, Number(url.searchParams.get('offset') ?? 0) || 0);
    session.starts.push(offset);
    const { bytes, frames } = transcodedOf(track);
    return new Response(stream(bytes, byteAtSeconds(frames, offset), session), {
      status: 200,
      // A stream, not a file: no Content-Length, no Accept-Ranges, and any Range is ignored.
      headers: { ...corsHeaders(request), 'Content-Type': 'audio/mpeg', 'X-Plex-Protocol': '1.0' },
    });
  }

  if (url.pathname === '/video/:/transcode/universal/stop') {
    const session = transcoder.sessions.get(url.searchParams.get('session') ?? '');
    if (session) {
      session.stoppedAt = Date.now();
      session.cut?.();
      session.cut = null;
    }
    return new Response(null, { status: 200, headers: corsHeaders(request) });
  }
  return null;
}
