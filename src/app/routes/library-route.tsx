import { LibraryView } from '../../features/library/library-screen';
import { useServerAccess } from '../../lib/plex-context';
import { trackListActions } from './track-list-actions';

/** The music library; its Tracks list plays and downloads through the actions handed in. */
export function LibraryRoute() {
  const access = useServerAccess();
  return <LibraryView access={access} actions={trackListActions} />;
}
