export { loadDownloads, startDownloads } from './tab-group';
export type { DownloadSource, RunnerDeps } from './runner';
export { sourceOf, type SourceAnswer } from './download-source';
export { readFile, wipeDownloads } from './download-db';
export { DownloadsScreen } from './downloads-screen';
export { useDownloadsStore } from './downloads-store';
