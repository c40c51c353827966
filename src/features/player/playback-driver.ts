import type { Track } from '../../domain';

/**
 * What the audio side (controller.ts, in the runtime chunk) does for the player's commands. Each
 * call runs inside the command's task: a tap's `load` reaches the media element within the tap,
 * as iOS and Chromium require of play() (docs/decisions/005).
 */
export interface PlaybackDriver {
  /** Loads the queue's current entry (at `atMs`, else its resume point), playing if wanted. */
  load(atMs?: number): void;
  play(): void;
  pause(): void;
  seek(ms: number): void;
  setVolume(volume: number, muted: boolean): void;
  /** The queue around the current entry changed: the next track may be another. */
  queueChanged(): void;
  /** The mouse went down on a track: start fetching it, so the click finds it on its way. */
  prime(track: Track): void;
}
