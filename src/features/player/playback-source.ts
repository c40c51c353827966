import type { Track } from '../../domain';
import type { PlaybackSource } from './engine/audio-engine';
import type { StreamQuality } from './player-store';

/** What the player needs from a server to stream (PmsClient has it). */
export interface StreamUrls {
  partUrl(partKey: string): string;
  transcodeUrl(trackId: string, kbps: number, sessionId: string): string;
}

const mimeFor: Record<string, string> = {
  mp3: 'audio/mpeg',
  aac: 'audio/mp4; codecs="mp4a.40.2"',
  mp4: 'audio/mp4',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  opus: 'audio/ogg; codecs="opus"',
  ogg: 'audio/ogg',
  vorbis: 'audio/ogg; codecs="vorbis"',
  wav: 'audio/wav',
  alac: 'audio/mp4; codecs="alac"',
};

/** howler's format name for a file, from Plex's container and codec. */
function howlerFormat(container: string | undefined, codec: string | undefined): string {
  const c = (container ?? codec ?? '').toLowerCase();
  if (c === 'mp4' || c === 'm4a' || codec === 'aac' || codec === 'alac') return 'm4a';
  if (c === 'ogg') return codec === 'opus' ? 'opus' : 'ogg';
  return c || 'mp3';
}

/** howler's format name for a track's original file. */
export const formatOf = (track: Track) => howlerFormat(track.media?.container, track.media?.codec);

/** Whether this browser says it can play the file (canPlayType "maybe"/"probably"). */
export function browserCanPlay(track: Track, canPlayType: (mime: string) => string): boolean {
  const media = track.media;
  if (!media) return false;
  const codec = media.codec?.toLowerCase();
  const container = media.container?.toLowerCase();
  const mimes = [codec && mimeFor[codec], container && mimeFor[container]].filter(
    (m): m is string => Boolean(m),
  );
  if (mimes.length === 0) return false;
  // The codec decides inside a container (ALAC in MP4 is not AAC).
  return canPlayType(mimes[0] as string) !== '';
}

/** `waiting`: nothing wrong with the track, the server just isn't reachable yet. */
export type SourceResult =
  { ok: true; source: PlaybackSource } | { ok: false; reason: string; waiting?: boolean };

/**
 * Direct play when the browser can and the quality is "original"; otherwise Plex's universal
 * transcoder to MP3 (at 320 kbps when transcoding only because the browser can't play the codec).
 */
export function chooseSource(
  track: Track,
  quality: StreamQuality,
  streams: StreamUrls | null,
  canPlayType: (mime: string) => string,
  sessionId: string,
): SourceResult {
  if (!track.media) return { ok: false, reason: 'the server has no playable file for it' };
  if (!streams) return { ok: false, reason: "the server can't be reached", waiting: true };
  if (quality === 'original' && browserCanPlay(track, canPlayType)) {
    return {
      ok: true,
      source: {
        url: streams.partUrl(track.media.partKey),
        format: howlerFormat(track.media.container, track.media.codec),
        transcoded: false,
      },
    };
  }
  const kbps = quality === 'original' ? 320 : Number(quality);
  return {
    ok: true,
    source: {
      url: streams.transcodeUrl(track.id, kbps, sessionId),
      format: 'mp3',
      transcoded: true,
    },
  };
}
