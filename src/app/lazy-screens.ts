import { lazyComponent } from '../lib/lazy-component';
import { loadDownloads } from './downloads-bridge';

/**
 * Screens load on first visit, so the first paint (the sign-in screen, or the shell) ships only
 * what it needs; the service worker precaches every chunk for later visits and offline use.
 */
type Props = Record<string, never>;
const library = () => import('../features/library');
const servers = () => import('./routes/servers-route');

export const PlaylistsScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.PlaylistsScreen,
);
export const PlaylistScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.PlaylistScreen,
);
export const LibraryScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.LibraryScreen,
);
export const ArtistScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.ArtistScreen,
);
export const AlbumScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.AlbumScreen,
);
export const SearchScreen = lazyComponent<Awaited<ReturnType<typeof library>>, Props>(
  library,
  (m) => m.SearchScreen,
);
export const ServersRoute = lazyComponent<Awaited<ReturnType<typeof servers>>, Props>(
  servers,
  (m) => m.ServersRoute,
);

const all = [
  PlaylistsScreen,
  PlaylistScreen,
  LibraryScreen,
  ArtistScreen,
  AlbumScreen,
  SearchScreen,
  ServersRoute,
];

/** Loads every screen's chunk (from the service worker's cache after the first visit). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all(all.map((s) => s.preload()));
}

/** The downloads screen waits for the saved downloads to be read, so it never shows "none". */
export const DownloadsScreen = lazyComponent<Awaited<ReturnType<typeof loadDownloads>>, Props>(
  loadDownloads,
  (m) => m.DownloadsScreen,
);
