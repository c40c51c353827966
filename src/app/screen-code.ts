import { lazyComponent } from '../lib/lazy-component';
import { loadDownloads } from './downloads-bridge';

/**
 * Each screen's code is a chunk of its own, fetched when the router first matches it (its route's
 * `lazy`), or earlier once the first screen is quiet (docs/decisions/022). A dynamic import is
 * fetched once, so preloading and the route share the same promise. The service worker precaches
 * every chunk for later visits and offline use.
 */
export const routerCode = () => import('./router');
export const libraryCode = () => import('../features/library');
export const serversCode = () => import('./routes/servers-route');
/** The downloads screen waits for the saved downloads to be read, so it never shows "none". */
export const downloadsCode = () => loadDownloads();

/** What a start at the app's root shows first: the router and the playlists screen. */
export function firstScreenCode(): Promise<unknown> {
  return Promise.all([routerCode(), import('../features/library/playlists-screen')]);
}

/** The sign-in screens: a signed-in start never fetches them. */
const signInCode = () => import('../features/auth/screens');
export const SignInScreen = lazyComponent(signInCode, (m) => m.SignInScreen);
export const SignInReturnScreen = lazyComponent(signInCode, (m) => m.SignInReturnScreen);

/** The screens other than the first, once it is quiet (from the service worker's cache, later). */
export function preloadScreens(): Promise<unknown> {
  return Promise.all([routerCode(), libraryCode(), serversCode()]);
}
