// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { countOf, formatLength, formatNumber } from '../../lib/format';
import { CoverArt } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { VirtualList } from '../../ui/virtual-list';
import { playlistItemsQuery, playlistQuery } from './queries';
import { DownloadedCopyNotice, QueryError, StaleNotice } from './query-feedback';
import { RefreshButton } from './refresh-button';
import type { SetViewProps } from './list-actions';
import { sortLabels, orderTracks, type TrackSort } from './track-order';
import { TRACK_ROW_HEIGHT, TrackRow, useTrackList } from './track-row';
import { useAllPages } from './use-all-pages';
import { useArtwork } from '../../lib/use-artwork';
import { ClampedText } from '../../ui/clamped-text';

function TrackSkeletons() {
  return (
    <ul className="plain-list" aria-label="Loading tracks">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="track-row">
          <Skeleton width="1.5rem" />
          <Skeleton width="40px" height="40px" />
          <Skeleton width="60%" />
        </li>
      ))}
    </ul>
  );
}

/** A playlist, loaded whole, to filter, sort, play and download; offline, its downloaded copy. */
export function PlaylistView({ access, id, setId, actions, downloads }: SetViewProps) {
  const urlFor = useArtwork();
  const details = useQuery(playlistQuery(access, id));
  const itemsQuery = useInfiniteQuery(playlistItemsQuery(access, id));
  const all = useAllPages(itemsQuery);
  // No tracks from Plex, and none coming (offline, or it failed): the downloaded copy, if any.
  const unanswered =
    !itemsQuery.data && (itemsQuery.isError || itemsQuery.fetchStatus === 'paused');
  const copy = downloads.useDownloadedCopy(setId, unanswered);
  const items = copy?.tracks ?? all.items;
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<TrackSort>('playlist');
  const deferredFilter = useDeferredValue(filter);
  const rows = useMemo(
    () => orderTracks(items, deferredFilter, sort),
    [items, deferredFilter, sort],
  );
  const tracks = useMemo(() => rows.map((r) => r.track), [rows]);
  // In the playlist's own order and whole, Plex's play queue is made from the playlist itself.
  const natural = sort === 'playlist' && deferredFilter === '';
  const origin = useMemo(
    () => (natural ? { kind: 'playlist' as const, id } : undefined),
    [natural, id],
  );
  const list = useTrackList(actions, tracks, origin);
  // A downloaded playlist fetches the tracks added since, whenever it is (re)loaded whole.
  const { sync, Button: DownloadButton } = downloads;
  useEffect(() => {
    if (all.complete) sync(setId, all.items);
  }, [all.complete, all.items, setId, sync]);

  const playlist = details.data;
  const title = playlist?.title ?? copy?.title ?? 'Playlist';
  const refresh = () => Promise.all([details.refetch(), itemsQuery.refetch()]);

  if (itemsQuery.isError && !itemsQuery.data && !copy) {
    return (
      <section>
        <p>
          <Link to="/playlists">← Playlists</Link>
        </p>
        <QueryError error={itemsQuery.error} what="playlist" onRetry={() => void refresh()} />
      </section>
    );
  }

  return (
    <section aria-labelledby="playlist-title">
      <p className="back-link">
        <Link to="/playlists">← Playlists</Link>
      </p>
      <header className="detail-head">
        <CoverArt path={playlist?.composite} size={144} urlFor={urlFor} label={title} eager />
        <div className="detail-text">
          <p className="detail-kind">{playlist?.smart ? 'Smart playlist' : 'Playlist'}</p>
          <h1 id="playlist-title" dir="auto">
            {details.isPending && !copy ? <Skeleton width="12rem" height="2rem" /> : title}
          </h1>
          {playlist?.summary ? (
            <ClampedText className="detail-summary" text={playlist.summary} />
          ) : null}
          <p className="detail-meta">
            {[
              countOf(
                copy || all.complete ? items.length : (playlist?.trackCount ?? all.total),
                'track',
              ),
              formatLength(playlist?.durationMs),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
      </header>
      <div className="list-tools">
        <input
          type="search"
          className="filter-input"
          placeholder="Filter this playlist"
          aria-label="Filter tracks in this playlist"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <label className="sort-select">
          <span>Sort</span>
          <select value={sort} onChange={(e) => setSort(e.target.value as TrackSort)}>
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <DownloadButton
          set={{ id: setId, kind: 'playlist', title }}
          tracks={all.items}
          ready={all.complete}
        />
        <RefreshButton
          onRefresh={refresh}
          busy={itemsQuery.isRefetching && !itemsQuery.isFetchingNextPage}
        />
      </div>
      {itemsQuery.data ? (
        <StaleNotice
          updatedAt={itemsQuery.dataUpdatedAt}
          refreshFailed={itemsQuery.isRefetchError}
        />
      ) : null}
      {copy ? <DownloadedCopyNotice /> : null}
      {!all.complete && itemsQuery.data ? (
        <p className="progress-note" role="status">
          Loading {formatNumber(all.loaded)} of {formatNumber(all.total)} tracks…
          {itemsQuery.isFetchNextPageError ? ' Paused: the server stopped answering.' : ''}
        </p>
      ) : null}
      {all.skipped > 0 ? (
        <p className="progress-note">
          {countOf(all.skipped, 'item')} in this playlist{' '}
          {all.skipped === 1
            ? "isn't a track or couldn't be read, and is"
            : "aren't tracks or couldn't be read, and are"}{' '}
          hidden.
        </p>
      ) : null}
      {itemsQuery.isPending && !copy ? (
        <TrackSkeletons />
      ) : items.length === 0 && (all.complete || copy) ? (
        <Notice tone="info" title="This playlist is empty." />
      ) : rows.length === 0 ? (
        <Notice tone="info" title={`No tracks match “${deferredFilter}”.`} />
      ) : (
        <VirtualList
          items={rows}
          rowHeight={TRACK_ROW_HEIGHT}
          label={`Tracks in ${title}`}
          getKey={(row) => `${row.position}`}
          renderRow={(row, i) => (
            <TrackRow
              track={row.track}
              playing={list.currentId === row.track.id}
              available={list.availability(row.track)}
              number={row.position}
              index={i}
              list={list.rowShared}
              urlFor={urlFor}
            />
          )}
        />
      )}
    </section>
  );
}
