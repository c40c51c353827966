import { useMemo } from 'react';
import { PlaylistsView } from '../../features/library/playlists-screen';
import { useServerAccess } from '../../lib/plex-context';
import { screenCode } from '../screen-code';
import { playlistsDownloads } from './set-downloads';

/** The playlists, each marked with how much of it is downloaded. */
export function PlaylistsRoute() {
  const access = useServerAccess();
  const downloads = useMemo(() => playlistsDownloads(access.serverId), [access.serverId]);
  return (
    <PlaylistsView access={access} downloads={downloads} loadPlaylistCode={screenCode.playlist} />
  );
}
