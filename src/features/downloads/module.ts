export { useDownloadsStore, loadDownloads, keyOnDevice } from './downloads-store';
export { startDownloadRunner, type DownloadSource } from './runner';
export { downloadSource } from './download-source';
export { readFile, wipeDownloads } from './download-db';
export { setStatusOf } from './set-status';
export { DownloadsScreen } from './downloads-screen';
