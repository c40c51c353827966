export type { DownloadsState } from './downloads-store';
export type { DownloadJob, DownloadSet, DownloadQuality } from './types';
/** Downloads (store, queue runner, IndexedDB) load after the first paint, like the player. */
export const loadDownloadsModule = () => import('./module');
