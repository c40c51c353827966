export { PlexError, isPlexError, type PlexErrorCode, type PlexErrorKind } from './errors';
/**
 * @deprecated Words are the UI's (decision 028): import from ui/plex-error-text. Re-exported only
 * for the player's star rating, under refactor elsewhere; remove once it imports from ui/.
 */
export { describeError } from '../../ui/plex-error-text';
export { PlexTvClient, type PlexTvEndpoints } from './plex-tv-client';
export { PmsClient } from './pms-client';
export { fetchIdentity } from './identity';
export type { ItemsPage } from '../../domain';
export { clientParams, describeBrowser, type PlexClientInfo } from './client-info';
export { parseRetryAfter } from './retry-after';
export { reportNetworkTo, type FetchLike, type NetworkReports } from './request';
export { safeWhere } from './urls';
// The playback, play-queue and transcoder modules are imported from their own files by the
// player and downloads (lazy chunks); re-exported here they would land in the first-load chunk.
