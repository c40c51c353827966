// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import type { Track } from '../../domain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { countOf, formatLength } from '../../lib/format';
import { CoverArt } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { albumQuery, albumTracksQuery } from './queries';
import { DownloadedCopyNotice, QueryError, StaleNotice } from './query-feedback';
import { TrackRow, useTrackList } from './track-row';
import { useArtwork } from '../../lib/use-artwork';
import type { SetViewProps } from './list-actions';

const NO_TRACKS: readonly Track[] = [];

/** An album and its tracks; offline, its downloaded copy. */
export function AlbumView({ access, id, setId, actions, downloads }: SetViewProps) {
  const urlFor = useArtwork();
  const album = useQuery(albumQuery(access, id));
  const tracks = useQuery(albumTracksQuery(access, id));
  // No tracks from Plex, and none coming (offline, or it failed): the downloaded copy, if any.
  const unanswered = !tracks.data && (tracks.isError || tracks.fetchStatus === 'paused');
  const copy = downloads.useDownloadedCopy(setId, unanswered);
  const items = tracks.data?.items ?? copy?.tracks ?? NO_TRACKS;
  const origin = useMemo(() => ({ kind: 'album' as const, id }), [id]);
  const list = useTrackList(actions, items, origin);
  const { Button: DownloadButton } = downloads;
  const a = album.data;
  const albumTitle = a?.title ?? copy?.title;
  const known = Boolean(tracks.data ?? copy);
  const length = items.reduce((sum, t) => sum + (t.durationMs ?? 0), 0);
  return (
    <section aria-labelledby="album-title">
      <p className="back-link">
        {a?.artistId ? (
          <Link to={`/library/artists/${encodeURIComponent(a.artistId)}`}>← {a.artist}</Link>
        ) : (
          <Link to="/library">← Library</Link>
        )}
      </p>
      {album.isError && !a && !copy ? (
        <QueryError error={album.error} what="album" onRetry={() => void album.refetch()} />
      ) : (
        <header className="detail-head">
          <CoverArt path={a?.thumb} size={160} urlFor={urlFor} label={albumTitle ?? ''} eager />
          <div className="detail-text">
            <p className="detail-kind">Album{a?.year ? ` · ${a.year}` : ''}</p>
            <h1 id="album-title" dir="auto">
              {album.isPending && !copy ? <Skeleton width="12rem" height="2rem" /> : albumTitle}
            </h1>
            <p className="detail-meta" dir="auto">
              {a?.artist ?? items[0]?.artist}
              {known ? ` · ${countOf(items.length, 'track')} · ${formatLength(length)}` : ''}
            </p>
            <div className="detail-actions">
              <DownloadButton
                set={{ id: setId, kind: 'album', title: albumTitle ?? 'Album' }}
                tracks={items}
                ready={known}
              />
            </div>
          </div>
        </header>
      )}
      {tracks.data ? (
        <StaleNotice updatedAt={tracks.dataUpdatedAt} refreshFailed={tracks.isRefetchError} />
      ) : null}
      {copy && !tracks.data ? <DownloadedCopyNotice /> : null}
      {tracks.isPending && !copy ? (
        <Skeleton height="12rem" />
      ) : tracks.isError && !known ? (
        <QueryError
          error={tracks.error}
          what="album's tracks"
          onRetry={() => void tracks.refetch()}
        />
      ) : items.length === 0 ? (
        <Notice tone="info" title="This album has no tracks." />
      ) : (
        <ol className="plain-list" aria-label={`Tracks on ${albumTitle ?? 'this album'}`}>
          {items.map((track, i) => (
            <li key={track.id}>
              <TrackRow
                track={track}
                playing={list.currentId === track.id}
                available={list.availability(track)}
                number={track.index ?? i + 1}
                index={i}
                list={list.rowShared}
                urlFor={urlFor}
                showArt={false}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
