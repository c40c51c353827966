// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PmsAccess } from '../../lib/plex-context';
import { useArtwork } from '../../lib/use-artwork';
import { useOnline } from '../../lib/use-online';
import { Skeleton } from '../../ui/skeleton';
import { searchQuery } from './queries';
import { QueryError } from './query-feedback';
import { useSavedSearch } from './saved-search';
import type { TrackListActions } from './list-actions';
import { SearchResultsView } from './search-results';
import { useSection } from './use-section';

/**
 * Every key asks at once: the results must show within 150 ms of the last key (issue 15), and
 * Plex's search is "intended to be very fast, and called as the user types". Typing fast queues
 * nothing: a request whose key was overtaken is aborted (react-query cancels a query whose last
 * observer left), the worker answers only the latest, and an answer is shown only for the query
 * in the box.
 */
const URL_PAUSE_MS = 800;

function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Search: the server's, or what PlexM8 has saved when it can't answer. */
export function SearchView({ access, actions }: { access: PmsAccess; actions: TrackListActions }) {
  const urlFor = useArtwork();
  const online = useOnline();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const q = text.trim();
  const { section } = useSection(access);
  const server = useQuery({
    ...searchQuery(access, section?.key ?? '', q),
    enabled: online && q.length > 0,
    placeholderData: keepPreviousData,
  });
  // Whether the server's last settled answer was a failure: the next key's query is pending, not
  // failed, and going by it alone would let the saved index go and make it again on every key.
  const [serverFailing, setServerFailing] = useState(false);
  const serverFailed = server.isError && !server.data;
  const serverAnswered = server.isSuccess && !server.isPlaceholderData;
  // Set during render, as React advises for state that follows another's changes.
  if (serverFailed && !serverFailing) setServerFailing(true);
  else if (serverAnswered && serverFailing) setServerFailing(false);
  // Offline, the saved index is made as soon as the screen opens, before the first key.
  const useSaved = !online || serverFailed || serverFailing;
  const saved = useSavedSearch(access, q, useSaved);

  // The address follows once typing rests: a router navigation re-renders the whole app, which is
  // no work to do between two keys.
  const settled = useDebounced(q, URL_PAUSE_MS);
  useEffect(() => {
    setParams(settled ? { q: settled } : {}, { replace: true });
  }, [settled, setParams]);

  const savedAnswer = saved.answer;
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
      {useSaved ? (
        <p
          className="stale-notice"
          role="status"
          data-saved-index={saved.size === null ? 'building' : 'ready'}
          data-index-ms={saved.timing}
          data-query-ms={savedAnswer ? Math.round(savedAnswer.ms) : undefined}
        >
          <span aria-hidden="true">●</span>{' '}
          {online
            ? "The server's search failed; searching what PlexM8 has saved."
            : 'Offline — searching what PlexM8 has saved.'}
          {saved.size !== null ? <small> {savedCount(saved.size)}</small> : null}
        </p>
      ) : null}
      {q.length === 0 ? (
        <p className="muted">
          Search {section ? section.title : 'your music'} by artist, album or track.
        </p>
      ) : useSaved ? (
        saved.failed ? (
          <p className="muted">PlexM8 couldn't read what it saved.</p>
        ) : savedAnswer && q ? (
          <SearchResultsView
            results={savedAnswer.results}
            q={savedAnswer.q}
            busy={savedAnswer.q !== q}
            urlFor={urlFor}
            actions={actions}
          />
        ) : (
          <Skeleton height="6rem" />
        )
      ) : server.data && q ? (
        <SearchResultsView
          results={server.data.results}
          q={server.data.q}
          busy={server.isPlaceholderData}
          urlFor={urlFor}
          actions={actions}
        />
      ) : server.isError ? (
        <QueryError error={server.error} what="search" onRetry={() => void server.refetch()} />
      ) : (
        <Skeleton height="8rem" />
      )}
    </section>
  );
}

function savedCount(size: number): string {
  return size === 1 ? '(1 saved item)' : `(${size.toLocaleString()} saved items)`;
}
