import { useParams } from 'react-router';
import { albumSetId } from '../../features/downloads';
import { AlbumView } from '../../features/library/album-screen';
import { useServerAccess } from '../../lib/plex-context';
import { setDownloads } from './set-downloads';
import { trackListActions } from './track-list-actions';

/** An album: the library's view, with the player's track actions and the downloads' parts. */
export function AlbumRoute() {
  const access = useServerAccess();
  const { id = '' } = useParams();
  return (
    <AlbumView
      access={access}
      id={id}
      setId={albumSetId(access.serverId, id)}
      actions={trackListActions}
      downloads={setDownloads}
    />
  );
}
