/** What to play: a URL and its format (howler reads the codec from the extension otherwise). */
export interface PlaybackSource {
  url: string;
  format: string;
  transcoded: boolean;
  /** The bitrate a transcode was asked for. */
  kbps?: number;
  /** A copy on the device (a blob: URL). */
  local?: boolean;
  /**
   * The track's length from its metadata. A transcoded stream's element doesn't know it (no
   * XING header, no length: `duration` is wrong or Infinity).
   */
  durationMs?: number;
  /** Where in the track this stream starts (a transcode restarted at an offset). */
  offsetMs?: number;
  /**
   * A stream that can't seek by Range (the transcoder's): a seek is this source restarted at
   * `ms`, which replaces the playing one.
   */
  restartAt?(ms: number): PlaybackSource;
  /** Called once when the engine is done with this stream (stops its transcode session). */
  release?(): void;
}

export type EngineEvent =
  | { type: 'loading' }
  | { type: 'playing' }
  | { type: 'paused' }
  | { type: 'ended' }
  /** `network`: the file stopped arriving (a dead connection, worth a failover and retry). */
  /** `output`: the device's audio output failed, not the track (nothing else would play). */
  | { type: 'error'; message: string; network: boolean; output?: boolean }
  | { type: 'time'; positionMs: number; durationMs: number };

/**
 * Playback without React in the loop (docs/decisions/005). The howler implementation is one file;
 * tests drive the controller with a fake engine.
 */
export interface AudioEngine {
  /** Replaces the current sound; `startAtMs` resumes mid-track. */
  load(source: PlaybackSource, options: { startAtMs: number; autoplay: boolean }): void;
  play(): void;
  pause(): void;
  seek(ms: number): void;
  setVolume(volume: number, muted: boolean): void;
  /** Prepares the next track so the hand-over at the end is near-gapless. */
  preload(source: PlaybackSource | null): void;
  /** Starts fetching a track the user is about to play; `load` of the same source reuses it. */
  prime(source: PlaybackSource): void;
  /** Stops and releases everything. */
  unload(): void;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}
