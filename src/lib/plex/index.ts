export { PlexError, isPlexError, describeError, type PlexErrorKind } from './errors';
export { PlexTvClient, type PlexTvEndpoints } from './plex-tv-client';
export { PmsClient, fetchIdentity, type ItemsPage } from './pms-client';
export type { PmsPlayback, TimelineReport, TimelineState } from './pms-playback';
export type { TranscodeRequest } from './transcode';
export { clientParams, describeBrowser, type PlexClientInfo } from './client-info';
export { parseRetryAfter } from './retry-after';
export { safeWhere, type FetchLike } from './request';
export type { PmsPlayQueues, PlayQueueSource, PlayQueueWindow } from './pms-play-queues';
