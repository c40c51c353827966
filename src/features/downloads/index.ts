/**
 * The store is eager (it comes with the signed-in screens' code, decision 030); the queue, the
 * tabs, IndexedDB and the Downloads screen load after the first paint through `loadDownloads`.
 * Code in the entry chunk imports load.ts straight from its file: this barrel brings the store.
 */
export { loadDownloads, readDownloadedFile } from './load';
export { useDownloadsStore, keyOnDevice } from './downloads-store';
export { useAvailability, useDownloadedCopy, useDownloadedSets, useSetStatus } from './list-hooks';
export { downloadTrack, removeTrack, syncDownload } from './list-actions';
export { DownloadButton } from './download-button';
export { albumSetId, itemIdOf, playlistSetId } from './set-ids';
