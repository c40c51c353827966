import { SearchView } from '../../features/library/search-screen';
import { useServerAccess } from '../../lib/plex-context';
import { trackListActions } from './track-list-actions';

/** Search; the tracks found play and download through the actions handed in. */
export function SearchRoute() {
  const access = useServerAccess();
  return <SearchView access={access} actions={trackListActions} />;
}
