import type { Howl } from 'howler';
import type { PlaybackSource } from './audio-engine';

// When the next track takes over, how long a sound is, and what a media error means.

/** How often the playing sound's position is read. */
export const TICK_MS = 250;

/**
 * The next track is started on a timer aimed at the current one's end, not when howler reports
 * the end: that report comes a task or more late (howler defers its events), and then the
 * controller, the store and a play() call still stand between one track and the next. A
 * preloaded element sounds almost at once, so the timer aims only this little ahead of the end
 * (bench "gap between tracks": an earlier aim showed up as overlap, one-for-one).
 */
export const HANDOVER_LEAD_MS = 5;

/**
 * When to start the next track, in ms from now, or null when it is not yet time to plan: only
 * within the last tick of the track, so a seek or pause in between needs no bookkeeping.
 */
export function handoverDelay(positionMs: number, durationMs: number): number | null {
  if (!Number.isFinite(durationMs) || durationMs <= 0) return null;
  const remaining = durationMs - positionMs;
  if (remaining > TICK_MS + HANDOVER_LEAD_MS) return null;
  return Math.max(0, remaining - HANDOVER_LEAD_MS);
}

/**
 * A file's own length, from the element; a transcoded stream's from the track's metadata (its
 * element reports a wrong length or Infinity).
 */
export function durationOf({ howl, source }: { howl: Howl; source: PlaybackSource }): number {
  const element = howl.duration() * 1000;
  if (source.transcoded && source.durationMs) return source.durationMs;
  if (Number.isFinite(element) && element > 0) return element;
  return source.durationMs ?? 0;
}

function isNetwork(error: unknown): boolean {
  return error === 2 || error === '2';
}

function describe(error: unknown): string {
  // howler passes MediaError codes: 2 network, 3 decode, 4 not supported.
  if (error === 2 || error === '2') return 'the connection dropped while loading it';
  if (error === 3 || error === '3') return 'the file is damaged or empty';
  if (error === 4 || error === '4') return "this browser can't play the file";
  return typeof error === 'string' && error ? error : "it couldn't be played";
}

export interface MediaFailure {
  message: string;
  /** The file stopped arriving: worth a failover and a retry. */
  network: boolean;
  /** The device's audio output failed: no track would play, so none is skipped. */
  output: boolean;
}

/**
 * A media error in words, and whose fault it is. Firefox reports an audio output that fails (no
 * device, headphones gone) as a decode error (3) whose message names its media sink
 * ("OnMediaSinkAudioError", seen in Firefox ESR 140 with no sound device), while the file
 * itself is fine: blaming the file would skip through the whole queue.
 */
export function classifyMediaError(code: unknown, detail = ''): MediaFailure {
  if ((code === 3 || code === '3') && /sink|audio ?(device|output)/i.test(detail))
    return {
      message: `this device's audio output failed (the browser says “${detail}”)`,
      network: false,
      output: true,
    };
  return { message: describe(code), network: isNetwork(code), output: false };
}
