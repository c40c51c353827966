import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The demo's real audio (made by audio/make.sh), as Plex would describe each file's Media/Part. */
export interface AudioFile {
  name: string;
  path: string;
  /** What the fake's transcoder streams for it: CBR MP3, no XING header (audio/make.sh). */
  transcodedPath: string;
  codec: 'mp3' | 'aac' | 'flac' | 'opus' | 'alac';
  container: 'mp3' | 'mp4' | 'flac' | 'ogg';
  mime: string;
  bitrate: number;
  durationMs: number;
  size: number;
  channels: number;
}

type Spec = Omit<AudioFile, 'path' | 'transcodedPath' | 'size'>;

const specs: Spec[] = [
  {
    name: 'a-major.mp3',
    codec: 'mp3',
    container: 'mp3',
    mime: 'audio/mpeg',
    bitrate: 96,
    durationMs: 8046,
    channels: 2,
  },
  {
    name: 'e-minor.m4a',
    codec: 'aac',
    container: 'mp4',
    mime: 'audio/mp4',
    bitrate: 96,
    durationMs: 8000,
    channels: 2,
  },
  {
    name: 'd-major.flac',
    codec: 'flac',
    container: 'flac',
    mime: 'audio/flac',
    bitrate: 64,
    durationMs: 8000,
    channels: 1,
  },
  {
    name: 'a-minor.opus',
    codec: 'opus',
    container: 'ogg',
    mime: 'audio/ogg',
    bitrate: 64,
    durationMs: 8007,
    channels: 2,
  },
  {
    name: 'c-major.mp3',
    codec: 'mp3',
    container: 'mp3',
    mime: 'audio/mpeg',
    bitrate: 96,
    durationMs: 8046,
    channels: 2,
  },
  {
    name: 'g-major.m4a',
    codec: 'aac',
    container: 'mp4',
    mime: 'audio/mp4',
    bitrate: 96,
    durationMs: 8000,
    channels: 2,
  },
  {
    name: 'f-major.flac',
    codec: 'flac',
    container: 'flac',
    mime: 'audio/flac',
    bitrate: 64,
    durationMs: 8000,
    channels: 1,
  },
  {
    name: 'b-flat.opus',
    codec: 'opus',
    container: 'ogg',
    mime: 'audio/ogg',
    bitrate: 64,
    durationMs: 8007,
    channels: 2,
  },
  // ALAC (Apple Lossless): Chromium and Firefox can't play it; Plex transcodes it for them.
  {
    name: 'h-minor.m4a',
    codec: 'alac',
    container: 'mp4',
    mime: 'audio/mp4',
    bitrate: 97,
    durationMs: 8000,
    channels: 1,
  },
  {
    name: 'e-flat.m4a',
    codec: 'alac',
    container: 'mp4',
    mime: 'audio/mp4',
    bitrate: 81,
    durationMs: 8000,
    channels: 1,
  },
];

function fileOf(spec: Spec): AudioFile {
  const path = fileURLToPath(new URL(`./audio/${spec.name}`, import.meta.url));
  const transcodedPath = fileURLToPath(
    new URL(`./audio/transcoded/${spec.name.replace(/\.[^.]+$/, '')}.mp3`, import.meta.url),
  );
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // Under MSW in jsdom the files are never streamed; the size only feeds Part.size.
  }
  return { ...spec, path, transcodedPath, size };
}

export const audioFiles: AudioFile[] = specs.map(fileOf);

/** 24-bit/48 kHz FLAC at about 1.8 Mbps, 24 s: more than Plex Relay carries. */
export const hiResFile: AudioFile = fileOf({
  name: 'studio-hi-res.flac',
  codec: 'flac',
  container: 'flac',
  mime: 'audio/flac',
  bitrate: 1836,
  durationMs: 24000,
  channels: 2,
});
