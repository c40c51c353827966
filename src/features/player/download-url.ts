import type { Track } from '../../domain';
import { serverUnreached, startTranscode, type StreamServer } from './playback-source';

/**
 * Where a download's bytes come from: a URL to fetch (`done` ends a transcode session), or why
 * there is none right now (`unreachable`: the network's doing, tried again when it returns).
 */
export type DownloadFrom =
  | { ok: true; url: string; transcoded: boolean; done?: () => void }
  | { ok: false; unreachable: boolean };

/**
 * The one rule for a download's URL, beside the player's (playback-source.ts) and through the same
 * transcoder steps: "original" is the file as it is; a bitrate is the transcoder's MP3 at it. A
 * copy is kept, so no connection tier or browser shrinks or converts it here (the downloads chose
 * the quality, new-jobs.ts). Null: the server has no file for the track.
 */
export async function downloadFrom(
  track: Track,
  quality: string,
  server: StreamServer,
): Promise<DownloadFrom | null> {
  if (!track.media) return null;
  if (quality === 'original')
    return { ok: true, url: server.partUrl(track.media.partKey), transcoded: false };
  const request = { trackId: track.id, kbps: Number(quality), session: crypto.randomUUID() };
  const started = await startTranscode(server, request);
  if (!started.ok) return { ok: false, unreachable: serverUnreached(started.error) };
  const done = () => void server.stopTranscode(request.session).catch(() => undefined);
  return { ok: true, url: server.transcodeUrl(request), transcoded: true, done };
}
