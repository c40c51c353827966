import { createElement, lazy, type ComponentType } from 'react';

/**
 * Screens load on first visit, so the first paint (the sign-in screen, or the shell) ships only
 * what it needs; the service worker precaches every chunk for later visits and offline use.
 *
 * A screen whose chunk is already loaded renders directly rather than through React.lazy: lazy
 * always suspends once, and React then holds the revealed content back for up to 300 ms
 * (Suspense fallback throttling) — a third of a second added to every cold start.
 */
type Props = Record<string, never>;

function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType<Props>) {
  let loaded: ComponentType<Props> | null = null;
  const preload = () =>
    load().then((module) => {
      loaded = pick(module);
      return loaded;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: Props) {
    return createElement(loaded ?? Lazy, props);
  }
  return Object.assign(Screen, { preload });
}

const library = () => import('../features/library');
const servers = () => import('./routes/servers-route');

export const PlaylistsScreen = screen(library, (m) => m.PlaylistsScreen);
export const PlaylistScreen = screen(library, (m) => m.PlaylistScreen);
export const LibraryScreen = screen(library, (m) => m.LibraryScreen);
export const ArtistScreen = screen(library, (m) => m.ArtistScreen);
export const AlbumScreen = screen(library, (m) => m.AlbumScreen);
export const SearchScreen = screen(library, (m) => m.SearchScreen);
export const ServersRoute = screen(servers, (m) => m.ServersRoute);

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
