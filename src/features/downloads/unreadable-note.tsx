import { countOf } from '../../lib/format';
import { Notice } from '../../ui/notice';
import { useDownloadsStore } from './downloads-store';

/** Downloads an earlier version left that this one couldn't read: gone, and the user is told. */
export function UnreadableNote() {
  const unreadable = useDownloadsStore((s) => s.unreadable);
  if (unreadable === 0) return null;
  return (
    <Notice tone="warning" title={`${countOf(unreadable, 'download')} couldn't be read`}>
      <p>
        An earlier version of PlexM8 saved {unreadable === 1 ? 'it' : 'them'} in a way this one
        can't read, so {unreadable === 1 ? 'it was' : 'they were'} removed to free the space.
        Download {unreadable === 1 ? 'it' : 'them'} again from the playlist or album.
      </p>
    </Notice>
  );
}
