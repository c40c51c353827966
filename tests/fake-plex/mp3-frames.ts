/**
 * Where each frame of an MPEG-1 Layer III stream starts, so the fake transcoder can start a
 * stream at `offset` seconds on a frame boundary, as a real transcoder's output would.
 */
const BITRATES_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const SAMPLE_RATES = [44100, 48000, 32000];
const SAMPLES_PER_FRAME = 1152;

export interface Mp3Frames {
  /** Byte offset of every frame. */
  starts: number[];
  secondsPerFrame: number;
}

export function mp3Frames(bytes: Uint8Array): Mp3Frames {
  const starts: number[] = [];
  let sampleRate = 44100;
  let at = 0;
  while (at + 4 <= bytes.length) {
    const b1 = bytes[at + 1] ?? 0;
    const b2 = bytes[at + 2] ?? 0;
    // 11 sync bits, MPEG-1 (0b11), Layer III (0b01).
    if (bytes[at] !== 0xff || (b1 & 0xfe) !== 0xfa) {
      at += 1;
      continue;
    }
    const kbps = BITRATES_KBPS[b2 >> 4];
    const rate = SAMPLE_RATES[(b2 >> 2) & 3];
    if (!kbps || !rate) {
      at += 1;
      continue;
    }
    sampleRate = rate;
    starts.push(at);
    at += Math.floor((144 * kbps * 1000) / rate) + ((b2 >> 1) & 1);
  }
  return { starts, secondsPerFrame: SAMPLES_PER_FRAME / sampleRate };
}

/** The byte where the stream starts for `offsetSeconds` (0 past the end: the last frame). */
export function byteAtSeconds(frames: Mp3Frames, offsetSeconds: number): number {
  if (frames.starts.length === 0) return 0;
  const index = Math.min(
    frames.starts.length - 1,
    Math.max(0, Math.floor(offsetSeconds / frames.secondsPerFrame)),
  );
  return frames.starts[index] ?? 0;
}
