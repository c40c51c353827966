import { memo } from 'react';
import type { SearchResults } from '../../domain';
import type { ArtworkUrl } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { AlbumCard, ArtistLink } from './item-links';
import type { TrackListActions } from './list-actions';
import { TrackRow, useTrackList } from './track-row';

interface Props {
  results: SearchResults;
  /** The query these results answer (the bench and tests wait for the one typed last). */
  q: string;
  /** A newer query is on its way: these are the last query's, shown dimmed until it answers. */
  busy: boolean;
  urlFor: ArtworkUrl | null;
  actions: TrackListActions;
}

/** Memoised: keys typed re-render the box, not 90 results (a long task a key; decision 020). */
export const SearchResultsView = memo(function SearchResultsView({
  results,
  q,
  busy,
  urlFor,
  actions,
}: Props) {
  const { artists, albums, tracks } = results;
  const list = useTrackList(actions, tracks);
  const empty = !artists.length && !albums.length && !tracks.length;
  return (
    <div className="search-results" data-results-for={q} aria-busy={busy}>
      {empty ? <Notice tone="info" title="Nothing found." /> : null}
      {artists.length ? (
        <section aria-labelledby="found-artists">
          <h2 id="found-artists">Artists</h2>
          <ul className="plain-list">
            {artists.map((a) => (
              <li key={a.id}>
                <ArtistLink artist={a} urlFor={urlFor} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {albums.length ? (
        <section aria-labelledby="found-albums">
          <h2 id="found-albums">Albums</h2>
          <ul className="card-grid">
            {albums.map((a) => (
              <li key={a.id}>
                <AlbumCard album={a} urlFor={urlFor} size={128} meta={a.artist} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {tracks.length ? (
        <section aria-labelledby="found-tracks">
          <h2 id="found-tracks">Tracks</h2>
          <ul className="plain-list">
            {tracks.map((t, i) => (
              <li key={t.id}>
                <TrackRow
                  track={t}
                  playing={list.currentId === t.id}
                  available={list.availability(t)}
                  number={i + 1}
                  index={i}
                  list={list.rowShared}
                  urlFor={urlFor}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
});
