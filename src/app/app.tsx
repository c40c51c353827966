import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { PlexUser } from '../domain';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { SignInReturnScreen } from '../features/auth';
import { PlexServicesProvider, type PlexServices } from '../lib/plex-context';
import { Layout } from '../shell/layout';
import { claimDeviceFor } from './account-data';
import { DownloadsHost } from './downloads-host';
import { PlayerHost } from './player-host';
import { PmsBridge } from './pms-bridge';
import { NotFound } from './routes/not-found';
import { RequireSession } from './routes/require-session';
import {
  AlbumScreen,
  ArtistScreen,
  DownloadsScreen,
  LibraryScreen,
  PlaylistScreen,
  PlaylistsScreen,
  SearchScreen,
  ServersRoute,
} from './lazy-screens';
import { announceSessionChange, listenForSessionChanges } from './session-sync';
import { SignOutFlow } from './sign-out-flow';

/** BrowserRouter wants the base without its trailing slash. */
const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

export function App({
  services,
  queryClient,
}: {
  services: PlexServices;
  queryClient: QueryClient;
}) {
  useEffect(() => listenForSessionChanges(), []);
  const claimDevice = useCallback(
    (user: PlexUser) => claimDeviceFor(queryClient, user),
    [queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <PlexServicesProvider value={services}>
        <BrowserRouter basename={basename}>
          <Routes>
            <Route
              path="sign-in/return"
              element={
                <SignInReturnScreen
                  beforeSignedIn={claimDevice}
                  onSignedIn={announceSessionChange}
                />
              }
            />
            <Route element={<RequireSession />}>
              <Route
                element={
                  <PmsBridge>
                    <PlayerHost>
                      <DownloadsHost>
                        <Layout account={<SignOutFlow queryClient={queryClient} />} />
                      </DownloadsHost>
                    </PlayerHost>
                  </PmsBridge>
                }
              >
                <Route index element={<Navigate to="/playlists" replace />} />
                <Route path="playlists" element={<PlaylistsScreen />} />
                <Route path="playlists/:id" element={<PlaylistScreen />} />
                <Route path="library" element={<LibraryScreen />} />
                <Route path="library/artists/:id" element={<ArtistScreen />} />
                <Route path="library/albums/:id" element={<AlbumScreen />} />
                <Route path="search" element={<SearchScreen />} />
                <Route path="downloads" element={<DownloadsScreen />} />
                <Route path="servers" element={<ServersRoute />} />
                <Route path="*" element={<NotFound />} />
              </Route>
            </Route>
          </Routes>
        </BrowserRouter>
      </PlexServicesProvider>
    </QueryClientProvider>
  );
}
