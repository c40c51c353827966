import { useParams } from 'react-router';
import { playlistSetId } from '../../features/downloads';
import { PlaylistView } from '../../features/library/playlist-screen';
import { useServerAccess } from '../../lib/plex-context';
import { setDownloads } from './set-downloads';
import { trackListActions } from './track-list-actions';

/**
 * A playlist: the library's view, handed the player's track actions and the downloads' button,
 * availability and copy (the library imports neither; decision 030).
 */
export function PlaylistRoute() {
  const access = useServerAccess();
  const { id = '' } = useParams();
  return (
    <PlaylistView
      access={access}
      id={id}
      setId={playlistSetId(access.serverId, id)}
      actions={trackListActions}
      downloads={setDownloads}
    />
  );
}
