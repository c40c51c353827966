// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { PmsAccess } from '../../lib/plex-context';
import { CoverArt } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { artistAlbumsQuery, artistQuery } from './queries';
import { QueryError, StaleNotice } from './query-feedback';
import { useArtwork } from '../../lib/use-artwork';
import { AlbumCard } from './item-links';
import { ClampedText } from '../../ui/clamped-text';

/** An artist: who they are, and their albums. */
export function ArtistView({ access, id }: { access: PmsAccess; id: string }) {
  const urlFor = useArtwork();
  const artist = useQuery(artistQuery(access, id));
  const albums = useQuery(artistAlbumsQuery(access, id));
  const name = artist.data?.title ?? '';
  return (
    <section aria-labelledby="artist-title">
      <p className="back-link">
        <Link to="/library">← Library</Link>
      </p>
      {artist.isError && !artist.data ? (
        <QueryError error={artist.error} what="artist" onRetry={() => void artist.refetch()} />
      ) : (
        <header className="detail-head">
          <CoverArt path={artist.data?.thumb} size={144} urlFor={urlFor} label={name} round eager />
          <div className="detail-text">
            <p className="detail-kind">Artist</p>
            <h1 id="artist-title" dir="auto">
              {artist.isPending ? <Skeleton width="12rem" height="2rem" /> : name}
            </h1>
            {artist.data?.summary ? (
              <ClampedText className="detail-summary" text={artist.data.summary} />
            ) : null}
          </div>
        </header>
      )}
      {albums.data ? (
        <StaleNotice updatedAt={albums.dataUpdatedAt} refreshFailed={albums.isRefetchError} />
      ) : null}
      <h2>Albums</h2>
      {albums.isPending ? (
        <Skeleton height="10rem" />
      ) : albums.isError && !albums.data ? (
        <QueryError
          error={albums.error}
          what="artist's albums"
          onRetry={() => void albums.refetch()}
        />
      ) : albums.data.items.length === 0 ? (
        <Notice tone="info" title="No albums by this artist in the library." />
      ) : (
        <ul className="card-grid">
          {albums.data.items.map((album) => (
            <li key={album.id}>
              <AlbumCard
                album={album}
                urlFor={urlFor}
                size={160}
                meta={album.year ? String(album.year) : ''}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
