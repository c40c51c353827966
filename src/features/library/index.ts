export { MusicSections } from './music-sections';
// The views are imported straight from their files by their routes (app/routes/*-route.tsx):
// each screen is a chunk of its own.
export type { PlaylistsDownloads, SetDownloads, TrackListActions } from './list-actions';
