import type { Track } from '../../domain';
import type { AudioEngine } from './engine/audio-engine';
import type { SourceResult } from './playback-source';
import type { Player } from './player';
import type { PlayerState } from './player-store';
import type { ResumePoint } from './track-loader';
import type { TimelineReporter } from './timeline-reporter';

/** What the player controller is given: the engine, where tracks play from, who hears of it. */
export interface ControllerDeps {
  engine: AudioEngine;
  /**
   * Where to play a track from right now: a copy on the device (read asynchronously the first
   * time), else the current connection at the chosen quality.
   */
  resolve(
    track: Track,
    quality: PlayerState['quality'],
    purpose: SourcePurpose,
  ): SourceResult | Promise<SourceResult>;
  reporter?: TimelineReporter;
  /** A stream stopped moving while it should play: re-probe connections (fail over). */
  onStall?(): Promise<void>;
  stallAfterMs?: number;
  /** Where the restored queue's entry stopped (a reopened app): it resumes there. */
  resumeAt?: ResumePoint | null;
  /** The player whose commands this carries out (tests give their own). */
  player?: Player;
}

/**
 * The next track is fetched this long after one starts, not at once: the track starting gets
 * the connection to itself (it matters on cellular, and for how soon sound starts).
 */
export const PRELOAD_AFTER_MS = 1_000;

/**
 * Why a source is asked for: to play now, or ahead of time (the next track, a track pressed on).
 * A stream made ahead of time is handed over when that track then plays, not made again.
 */
export type SourcePurpose = 'play' | 'preload' | 'prime';

/** Runs `then` at once for a plain result, or when a promised one arrives. */
export function whenResolved(
  result: SourceResult | Promise<SourceResult>,
  then: (r: SourceResult) => void,
) {
  if (result instanceof Promise) void result.then(then);
  else then(result);
}
