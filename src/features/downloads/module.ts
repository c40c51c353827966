export { useDownloadsStore, loadDownloads, keyOnDevice } from './downloads-store';
export { startDownloadRunner, SourceRefused, type DownloadSource } from './runner';
export { readFile, wipeDownloads } from './download-db';
export { setStatusOf } from './set-status';
export { DownloadsScreen } from './downloads-screen';
