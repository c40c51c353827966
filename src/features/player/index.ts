export { usePlayerStore, usePlayerView, PLAYER_KEY } from './player-store';
export { player } from './player';
export { loadPosition, forgetPosition } from './position-store';
export type { LocalCopy } from './runtime';
/** The audio side (howler, controller, reporter, media session) loads after the first paint. */
export const loadPlayerRuntime = () => import('./runtime');
export { current as currentQueueItem, emptyQueue } from './queue';
export { sayGoodbye } from './goodbye';
