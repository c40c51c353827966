/** The player's visible parts, loaded as one chunk after the first paint. */
export { MiniPlayer } from './mini-player';
export { NowPlaying } from './now-playing';
export { PlayerNotice } from './player-notice';
export { KeyboardShortcuts } from './keyboard-shortcuts';
import './player.css';
