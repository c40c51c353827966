import type { ComponentType } from 'react';
import { createBrowserRouter, redirect, RouterProvider, type RouteObject } from 'react-router';
import { NotFound } from './routes/not-found';
import { RequireServer, type ScreenHandle } from './routes/require-server';
import { SessionCheck } from './routes/session-check';
import { RouteError } from './routes/route-error';
import { CodeMissing, warnScreenFailed } from './code-missing';
import { SignedInShell } from './routes/signed-in-shell';
import { downloadsCode, screenCode as code, serversCode } from './screen-code';

/**
 * A screen's code, fetched with its route. One that can't be fetched (offline before the service
 * worker had it, or a new version replaced the files) shows CodeMissing in the layout, nav still
 * there; a screen that crashes while showing is the layout's error boundary's, as before.
 */
function screen(load: () => Promise<ComponentType>): RouteObject['lazy'] {
  return async () => ({
    Component: await load().catch((error: unknown) => {
      warnScreenFailed(error);
      return CodeMissing;
    }),
  });
}

/**
 * A library screen: its title names it while it waits for the server; `next` are the screens one
 * tap away from it, whose code is fetched once it has shown (routes/next-screens.ts).
 */
function libraryScreen(
  path: string,
  title: string,
  load: () => Promise<ComponentType>,
  next: Array<() => Promise<unknown>> = [],
): RouteObject {
  const handle: ScreenHandle = { title, next };
  return { path, handle, lazy: screen(load) };
}

/** The screens that read the server: shown once it is connected (RequireServer). */
const serverScreens: RouteObject[] = [
  libraryScreen('playlists', 'Playlists', code.playlists, [code.playlist]),
  libraryScreen('playlists/:id', 'Playlist', code.playlist),
  libraryScreen('library', 'Library', code.library, [code.artist, code.album]),
  libraryScreen('library/artists/:id', 'Artist', code.artist, [code.album]),
  libraryScreen('library/albums/:id', 'Album', code.album, [code.artist]),
  libraryScreen('search', 'Search', code.search, [code.album, code.artist, code.playlist]),
];

const screens: RouteObject[] = [
  // A redirect before the first render, not after it: the first paint is the playlists screen.
  { index: true, loader: () => redirect('/playlists') },
  { Component: RequireServer, children: serverScreens },
  {
    path: 'downloads',
    lazy: screen(() => downloadsCode().then((m) => m.DownloadsScreen)),
  },
  {
    path: 'servers',
    lazy: screen(() => serversCode().then((m) => m.ServersRoute)),
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
            children: screens,
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
