export type { DownloadsState } from './downloads-store';
/** Downloads (store, queue runner, IndexedDB) load after the first paint, like the player. */
export const loadDownloadsModule = () => import('./module');
