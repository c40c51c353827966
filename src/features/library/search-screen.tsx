import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { SearchResults } from '../../domain';
import { usePms, type PmsAccess } from '../../lib/plex-context';
import type { ArtworkUrl } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { searchQuery } from './queries';
import { QueryError } from './query-feedback';
import { AlbumCard, ArtistLink } from './item-links';
import { restoreCachedLibrary, searchCached } from './search-cache';
import { TrackRow, useTrackList } from './track-row';
import { useArtwork } from '../../lib/use-artwork';
import { useOnline } from '../../lib/use-online';
import { useSection } from './use-section';
import { WaitingForServer } from './waiting-for-server';

export function SearchScreen() {
  const access = usePms();
  return access ? <Search access={access} /> : <WaitingForServer title="Search" />;
}

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Offline (or server unreachable): search what PlexM8 has saved of this server. */
function useCachedSearch(access: PmsAccess, q: string, active: boolean): SearchResults | null {
  const queryClient = useQueryClient();
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    if (active && !restored)
      void restoreCachedLibrary(queryClient, access).then(() => setRestored(true));
  }, [active, restored, queryClient, access]);
  if (!active || !restored) return null;
  return searchCached(queryClient, access, q);
}

function Results({ results, urlFor }: { results: SearchResults; urlFor: ArtworkUrl | null }) {
  const { artists, albums, tracks } = results;
  const list = useTrackList(tracks);
  if (!artists.length && !albums.length && !tracks.length)
    return <Notice tone="info" title="Nothing found." />;
  return (
    <>
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
    </>
  );
}

function Search({ access }: { access: PmsAccess }) {
  const urlFor = useArtwork();
  const online = useOnline();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 300);
  const { section } = useSection(access);
  const server = useQuery({
    ...searchQuery(access, section?.key ?? '', q),
    enabled: online && q.length > 0,
  });
  const useCache = q.length > 0 && (!online || (server.isError && !server.data));
  const cached = useCachedSearch(access, q, useCache);

  useEffect(() => {
    setParams(q ? { q } : {}, { replace: true });
  }, [q, setParams]);

  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <input
        type="search"
        className="search-input"
        placeholder="Artists, albums, tracks"
        aria-label="Search your music"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoFocus
      />
      {q.length === 0 ? (
        <p className="muted">
          Search {section ? section.title : 'your music'} by artist, album or track.
        </p>
      ) : useCache ? (
        <>
          <p className="stale-notice" role="status">
            <span aria-hidden="true">●</span>{' '}
            {online
              ? "The server's search failed; searching what PlexM8 has saved."
              : 'Offline — searching what PlexM8 has saved.'}
          </p>
          {cached ? <Results results={cached} urlFor={urlFor} /> : <Skeleton height="6rem" />}
        </>
      ) : server.isPending ? (
        <Skeleton height="8rem" />
      ) : server.isError ? (
        <QueryError error={server.error} what="search" onRetry={() => void server.refetch()} />
      ) : (
        <Results results={server.data} urlFor={urlFor} />
      )}
    </section>
  );
}
