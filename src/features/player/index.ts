export { MiniPlayer } from './mini-player';
export { PlayerNotice } from './player-notice';
export { usePlayerStore, PLAYER_KEY, type StreamQuality } from './player-store';
export { usePositionStore, loadPosition, savePosition } from './position-store';
export { startPlayerController } from './controller';
export { startMediaSession } from './media-session';
export { createTimelineReporter } from './timeline-reporter';
export { chooseSource } from './playback-source';
export type { AudioEngine } from './engine/audio-engine';
/** howler is loaded after first paint: it is not needed until something plays. */
export const loadHowlerEngine = () =>
  import('./engine/howler-engine').then((m) => new m.HowlerEngine());
export { useKeyboardShortcuts } from './use-keyboard-shortcuts';
export { current as currentQueueItem, emptyQueue } from './queue';
import './player.css';
