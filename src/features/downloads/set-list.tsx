import { countOf } from '../../lib/format';
import { Button } from '../../ui/button';
import { useDownloadsStore } from './downloads-store';

/** The playlists, albums and tracks asked for, with counts kept as jobs change (set-counts.ts). */
export function SetList() {
  const sets = useDownloadsStore((s) => s.sets);
  const counts = useDownloadsStore((s) => s.setCounts);
  const list = Object.values(sets).sort((a, b) => a.addedAt - b.addedAt);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="dl-sets-title">
      <h2 id="dl-sets-title">Playlists and albums</h2>
      <ul className="plain-list dl-list">
        {list.map((set) => {
          const count = counts[set.id];
          return (
            <li key={set.id} className="dl-row">
              <span className="dl-main">
                <span className="dl-title" dir="auto">
                  {set.title}
                </span>
                <span className="dl-sub">
                  {set.kind === 'track' ? 'Track' : set.kind === 'album' ? 'Album' : 'Playlist'}
                  {' · '}
                  {count?.done ?? 0} of {countOf(set.keys.length, 'track')}
                  {count?.failed ? ` · ${count.failed} failed` : ''}
                </span>
              </span>
              <Button
                variant="quiet"
                onClick={() => void useDownloadsStore.getState().removeSet(set.id)}
                aria-label={`Delete the download of ${set.title}`}
              >
                Delete
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
