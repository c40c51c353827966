import { useParams } from 'react-router';
import { ArtistView } from '../../features/library/artist-screen';
import { useServerAccess } from '../../lib/plex-context';

/** An artist and their albums: nothing here plays or downloads. */
export function ArtistRoute() {
  const access = useServerAccess();
  const { id = '' } = useParams();
  return <ArtistView access={access} id={id} />;
}
