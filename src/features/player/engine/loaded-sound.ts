import type { Howl } from 'howler';
import type { PlaybackSource } from './audio-engine';

/** A track's sound in the engine: howler's handle and what it plays. */
export interface Loaded {
  howl: Howl;
  source: PlaybackSource;
  /** Started ahead of the current track's end (see HANDOVER_LEAD_MS). */
  early?: boolean;
  /** howler has already announced 'play' for it (its events arrive a task late). */
  announced?: boolean;
  /** Its end was dealt with in the element's own `ended` (hidden page): howler's 'end' repeats it. */
  endHandled?: boolean;
  /** Stops listening to its element's `ended` (set while it is the current sound). */
  unwatch?: () => void;
}

/** Lets a sound go for good: its element, and its stream's server session. */
export function dropSound(loaded: Loaded | null | undefined): void {
  if (!loaded) return;
  loaded.unwatch?.();
  loaded.howl.unload();
  loaded.source.release?.();
}
