import type { PmsClient } from '../../lib/plex/pms-client';
import { isPlexError } from '../../lib/plex/errors';
// Straight from its file, not the barrel: it stays out of the first-load chunk.
import { playbackOf } from '../../lib/plex/playback';
import { SourceRefused } from './download-errors';
import type { DownloadSource } from './runner';
import type { DownloadJob } from './types';

/**
 * Where a job's bytes come from on `client`'s server: the part itself for an original, else the
 * transcoder as servers require it — a decision for a fresh session, then the stream, and the
 * session stopped when the download is over (docs/plex-api.md "Universal transcoder").
 */
export async function downloadSource(
  client: PmsClient,
  job: DownloadJob,
): Promise<DownloadSource | null> {
  if (!job.track.media) return null;
  const playback = playbackOf(client);
  if (job.quality === 'original')
    return { url: playback.partUrl(job.track.media.partKey), transcoded: false };
  const request = {
    trackId: job.track.id,
    kbps: Number(job.quality),
    session: crypto.randomUUID(),
  };
  const stop = () => void playback.stopTranscode(request.session).catch(() => undefined);
  try {
    await playback.transcodeDecision(request);
  } catch (error) {
    stop();
    // Not reaching the server is the network's doing (waits offline, retries): not the file's.
    if (isPlexError(error) && ['unreachable', 'offline', 'timeout'].includes(error.kind))
      throw new TypeError('dropped', { cause: error });
    throw new SourceRefused('not-converted', { cause: error });
  }
  return { url: playback.transcodeUrl(request), transcoded: true, done: stop };
}
