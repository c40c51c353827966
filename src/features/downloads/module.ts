export { useDownloadsStore, keyOnDevice } from './downloads-store';
export { loadDownloads, startDownloads } from './tab-group';
export type { DownloadSource, RunnerDeps } from './runner';
export { downloadSource } from './download-source';
export { readFile, wipeDownloads } from './download-db';
export { setStatusOf } from './set-status';
export { DownloadsScreen } from './downloads-screen';
