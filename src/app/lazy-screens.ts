import { lazy } from 'react';

/**
 * Screens load on first visit, so the first paint (the sign-in screen, or the shell) ships only
 * what it needs; the service worker precaches every chunk for later visits and offline use.
 */
const library = () => import('../features/library');

export const PlaylistsScreen = lazy(() => library().then((m) => ({ default: m.PlaylistsScreen })));
export const PlaylistScreen = lazy(() => library().then((m) => ({ default: m.PlaylistScreen })));
export const LibraryScreen = lazy(() => library().then((m) => ({ default: m.LibraryScreen })));
export const ArtistScreen = lazy(() => library().then((m) => ({ default: m.ArtistScreen })));
export const AlbumScreen = lazy(() => library().then((m) => ({ default: m.AlbumScreen })));
export const SearchScreen = lazy(() => library().then((m) => ({ default: m.SearchScreen })));
export const ServersRoute = lazy(() =>
  import('./routes/servers-route').then((m) => ({ default: m.ServersRoute })),
);
