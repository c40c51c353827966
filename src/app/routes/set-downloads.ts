import { useMemo } from 'react';
import {
  DownloadButton,
  itemIdOf,
  playlistSetId,
  syncDownload,
  useDownloadedCopy,
  useDownloadedSets,
  useSetStatus,
} from '../../features/downloads';
import type { PlaylistsDownloads, SetDownloads } from '../../features/library';

/** What a playlist or album screen gets from downloads: the button, the copy on the device. */
export const setDownloads: SetDownloads = {
  Button: DownloadButton,
  useDownloadedCopy,
  sync: syncDownload,
};

/** What the playlists screen gets from downloads, for the server on screen. */
export function playlistsDownloads(serverId: string): PlaylistsDownloads {
  return {
    setIdOf: (playlistId) => playlistSetId(serverId, playlistId),
    useSetStatus,
    useDownloadedPlaylists: (needed) => useDownloadedPlaylists(serverId, needed),
  };
}

function useDownloadedPlaylists(serverId: string, needed: boolean) {
  const sets = useDownloadedSets('playlist', serverId, needed);
  return useMemo(
    () =>
      sets.flatMap(({ id: setId, title }) => {
        const id = itemIdOf(setId, 'playlist', serverId);
        return id === null ? [] : [{ id, setId, title }];
      }),
    [sets, serverId],
  );
}
