import { Outlet, useMatches } from 'react-router';
import { usePms } from '../../lib/plex-context';
import { useNextScreens } from './next-screens';
import { WaitingForServer } from './waiting-for-server';

/** What a route under RequireServer names itself while it waits (its `handle`). */
export interface ScreenHandle {
  title: string;
  /** The screens one tap away: their code is fetched once this one has shown. */
  next?: ReadonlyArray<() => Promise<unknown>>;
}

function isScreenHandle(handle: unknown): handle is ScreenHandle {
  return typeof handle === 'object' && handle !== null && 'title' in handle;
}

/**
 * The screens that read the server (playlists, library, search) render only once it is connected;
 * until then this says which server is being reached, or what to do. One gate for all of them.
 */
export function RequireServer() {
  const access = usePms();
  const matches = useMatches();
  const handle = matches.map((m) => m.handle).findLast(isScreenHandle);
  useNextScreens(access ? handle?.next : undefined);
  if (access) return <Outlet />;
  return <WaitingForServer title={handle?.title ?? 'PlexM8'} />;
}
