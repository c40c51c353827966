import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The demo's real audio (made by audio/make.sh), as Plex would describe each file's Media/Part. */
export interface AudioFile {
  name: string;
  path: string;
  codec: 'mp3' | 'aac' | 'flac' | 'opus';
  container: 'mp3' | 'mp4' | 'flac' | 'ogg';
  mime: string;
  bitrate: number;
  durationMs: number;
  size: number;
  channels: number;
}

const specs: Array<Omit<AudioFile, 'path' | 'size'>> = [
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
];

export const audioFiles: AudioFile[] = specs.map((spec) => {
  const path = fileURLToPath(new URL(`./audio/${spec.name}`, import.meta.url));
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    // Under MSW in jsdom the files are never streamed; the size only feeds Part.size.
  }
  return { ...spec, path, size };
});
