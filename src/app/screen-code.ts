import { lazyComponent } from '../lib/lazy-component';
// Straight from its file: the downloads barrel brings the store, which this (entry) chunk doesn't.
import { loadDownloads } from '../features/downloads/load';

/**
 * Each screen's code is a chunk of its own, fetched when the router first matches it (its route's
 * `lazy`), or earlier once the first screen is quiet (docs/decisions/022). A dynamic import is
 * fetched once, so preloading and the route share the same promise. The service worker precaches
 * every chunk for later visits and offline use.
 */
export const routerCode = () => import('./router');
export const serversCode = () => import('./routes/servers-route');
/** The downloads screen waits for the saved downloads to be read, so it never shows "none". */
export const downloadsCode = () => loadDownloads();

/**
 * Each library screen's code: its route module (routes/*-route.tsx), which composes the library's
 * view with the player's and downloads' parts, straight from its file (each its own chunk).
 */
export const screenCode = {
  playlists: () => import('./routes/playlists-route').then((m) => m.PlaylistsRoute),
  playlist: () => import('./routes/playlist-route').then((m) => m.PlaylistRoute),
  library: () => import('./routes/library-route').then((m) => m.LibraryRoute),
  artist: () => import('./routes/artist-route').then((m) => m.ArtistRoute),
  album: () => import('./routes/album-route').then((m) => m.AlbumRoute),
  search: () => import('./routes/search-route').then((m) => m.SearchRoute),
};

/**
 * The library screen an address shows (the app's root shows the playlists), as router.tsx
 * routes it: a start fetches its code beside the router's instead of after it.
 */
export function screenCodeAt(pathname: string): (() => Promise<unknown>) | null {
  const base = import.meta.env.BASE_URL;
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const [first = '', second, third] = path.split('/').filter(Boolean);
  if (first === '' || first === 'playlists')
    return second ? screenCode.playlist : screenCode.playlists;
  if (first === 'search') return screenCode.search;
  if (first !== 'library') return null;
  if (second === 'artists' && third) return screenCode.artist;
  if (second === 'albums' && third) return screenCode.album;
  return screenCode.library;
}

/** The code of a start at `pathname`: the router and the screen there. */
export function firstScreenCode(pathname = '/'): Promise<unknown> {
  return Promise.all([routerCode(), screenCodeAt(pathname)?.()]);
}

/** The sign-in screens: a signed-in start never fetches them. */
const signInCode = () => import('../features/auth/screens');
export const SignInScreen = lazyComponent(signInCode, (m) => m.SignInScreen);
export const SignInReturnScreen = lazyComponent(signInCode, (m) => m.SignInReturnScreen);

/** The screens other than the first, once it is quiet (from the service worker's cache, later). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all([...Object.values(screenCode).map((load) => load()), serversCode()]);
}
