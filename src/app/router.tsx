import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, type RouteObject } from 'react-router';
import { NotFound } from './routes/not-found';
import { RequireServer, type ScreenHandle } from './routes/require-server';
import { SessionCheck } from './routes/session-check';
import { RouteError, ScreenError } from './routes/route-error';
import { SignedInShell } from './routes/signed-in-shell';
import { downloadsCode, serversCode } from './screen-code';

/**
 * A library screen: its own chunk, straight from its file (a start on /playlists fetches only
 * that screen); its title names it while the server connects.
 */
function libraryScreen(
  path: string,
  title: string,
  load: () => Promise<ComponentType>,
): RouteObject {
  const handle: ScreenHandle = { title };
  return { path, handle, lazy: async () => ({ Component: await load() }) };
}

/** The screens that read the server: shown once it is connected (RequireServer). */
const serverScreens: RouteObject[] = [
  libraryScreen('playlists', 'Playlists', () =>
    import('../features/library/playlists-screen').then((m) => m.PlaylistsScreen),
  ),
  libraryScreen('playlists/:id', 'Playlist', () =>
    import('../features/library/playlist-screen').then((m) => m.PlaylistScreen),
  ),
  libraryScreen('library', 'Library', () =>
    import('../features/library/library-screen').then((m) => m.LibraryScreen),
  ),
  libraryScreen('library/artists/:id', 'Artist', () =>
    import('../features/library/artist-screen').then((m) => m.ArtistScreen),
  ),
  libraryScreen('library/albums/:id', 'Album', () =>
    import('../features/library/album-screen').then((m) => m.AlbumScreen),
  ),
  libraryScreen('search', 'Search', () =>
    import('../features/library/search-screen').then((m) => m.SearchScreen),
  ),
];

const screens: RouteObject[] = [
  { index: true, element: <Navigate to="/playlists" replace /> },
  { Component: RequireServer, children: serverScreens },
  {
    path: 'downloads',
    lazy: async () => ({ Component: (await downloadsCode()).DownloadsScreen }),
  },
  {
    path: 'servers',
    lazy: async () => ({ Component: (await serversCode()).ServersRoute }),
  },
  { path: '*', Component: NotFound },
];

const routes: RouteObject[] = [
  {
    ErrorBoundary: RouteError,
    children: [
      {
        Component: SessionCheck,
        children: [
          {
            Component: SignedInShell,
            // A screen whose code can't load says so inside the layout: the nav stays.
            children: [{ ErrorBoundary: ScreenError, children: screens }],
          },
        ],
      },
    ],
  },
];

/** The router wants the base without its trailing slash. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

/**
 * The app's addresses, signed in (signed out, app.tsx shows the sign-in screens without them).
 * Created at boot: it starts fetching the code of the screen at the address
 * at once, and boot renders once that is there (nothing painted twice).
 */
export function createAppRouter() {
  return createBrowserRouter(routes, { basename });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

/** Resolves once the first address's route code has arrived (or failed: its error screen shows). */
export function routerReady(router: AppRouter): Promise<void> {
  if (router.state.initialized) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

/** Renders the router: here, so that only this chunk (not the entry) carries react-router. */
export function Routes({ router }: { router: AppRouter }) {
  return <RouterProvider router={router} />;
}
