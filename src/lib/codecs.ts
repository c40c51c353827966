import type { Track } from '../domain';

/**
 * What a browser can play of a Plex file, from its codec and container: the player streams what
 * it can and has Plex convert the rest; downloads keep originals only where they will play.
 */
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

/**
 * One element asks for every track: an Audio element per question adds up when a 20,000-track
 * download asks once per track (decision 021). Made again if `Audio` is replaced.
 */
let probe: { made: typeof Audio; element: HTMLAudioElement } | null = null;

/** This browser's answer for a MIME type ('' where there is no media support at all). */
export function canPlayHere(mime: string): string {
  if (typeof Audio === 'undefined') return '';
  if (probe?.made !== Audio) probe = { made: Audio, element: new Audio() };
  return probe.element.canPlayType(mime);
}
