// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Playlist } from '../../domain';
import { countOf, formatLength } from '../../lib/format';
import type { PmsAccess } from '../../lib/plex-context';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { VirtualGrid } from '../../ui/virtual-grid';
import { playlistItemsQuery, playlistQuery, playlistsQuery } from './queries';
import { DownloadedCopyNotice, QueryError, StaleNotice } from './query-feedback';
import { RefreshButton } from './refresh-button';
import { useArtwork } from '../../lib/use-artwork';
import type { PlaylistsDownloads } from './list-actions';

/** On the device: all of it, or how far a download has got. */
function DownloadedMark({ setId, downloads }: { setId: string; downloads: PlaylistsDownloads }) {
  const status = downloads.useSetStatus(setId);
  if (!status || status.total === 0) return null;
  return (
    <span className="card-downloaded">
      <span aria-hidden="true">↓ </span>
      {status.complete ? 'Downloaded' : `${status.done} of ${status.total} downloaded`}
    </span>
  );
}

function PlaylistCard({
  playlist,
  downloads,
  urlFor,
  onIntent,
}: {
  playlist: Playlist;
  downloads: PlaylistsDownloads;
  urlFor: ArtworkUrl | null;
  onIntent: () => void;
}) {
  const details = [countOf(playlist.trackCount, 'track'), formatLength(playlist.durationMs)]
    .filter(Boolean)
    .join(' · ');
  return (
    <Link
      className="card"
      to={`/playlists/${encodeURIComponent(playlist.id)}`}
      // The pointer on its way, or a key press: start loading the first tracks before the click.
      onPointerEnter={onIntent}
      onFocus={onIntent}
      onPointerDown={onIntent}
    >
      <CoverArt path={playlist.composite} size={160} urlFor={urlFor} label={playlist.title} />
      <span className="card-title" dir="auto">
        {playlist.title}
      </span>
      <span className="card-meta">
        {playlist.smart ? <span className="tag">Smart</span> : null} {details}
      </span>
      <DownloadedMark setId={downloads.setIdOf(playlist.id)} downloads={downloads} />
    </Link>
  );
}

/** A card's height for its width: the square cover, then title, details and download lines. */
const cardHeight = (width: number) => width + CARD_TEXT_PX;
const CARD_TEXT_PX = 76;

/** Every playlist, mounted only near the screen: a collector has hundreds. */
function PlaylistGrid({
  playlists,
  downloads,
  urlFor,
  onIntent,
}: {
  playlists: readonly Playlist[];
  downloads: PlaylistsDownloads;
  urlFor: ArtworkUrl | null;
  onIntent: (id: string) => void;
}) {
  return (
    <VirtualGrid
      className="card-grid"
      label="Playlists"
      count={playlists.length}
      getKey={(i) => playlists[i]?.id ?? String(i)}
      itemHeight={cardHeight}
      renderItem={(i) => {
        const p = playlists[i];
        return p ? (
          <PlaylistCard
            playlist={p}
            downloads={downloads}
            urlFor={urlFor}
            onIntent={() => onIntent(p.id)}
          />
        ) : null;
      }}
    />
  );
}

/**
 * The playlists downloaded from this server, when Plex's list isn't on the device and can't be
 * fetched (offline after the saved copy expired): what is on the device still opens and plays.
 */
function DownloadedPlaylists({
  playlists,
  downloads,
}: {
  playlists: readonly { id: string; setId: string; title: string }[];
  downloads: PlaylistsDownloads;
}) {
  return (
    <ul className="card-grid" aria-label="Downloaded playlists">
      {playlists.map(({ id, setId, title }) => (
        <li key={setId}>
          <Link className="card" to={`/playlists/${encodeURIComponent(id)}`}>
            <CoverArt path={undefined} size={160} urlFor={null} label={title} />
            <span className="card-title" dir="auto">
              {title}
            </span>
            <DownloadedMark setId={setId} downloads={downloads} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The home screen: the server's music playlists. */
export function PlaylistsView({
  access,
  downloads,
  loadPlaylistCode,
}: {
  access: PmsAccess;
  downloads: PlaylistsDownloads;
  /** Fetches the playlist screen's code (its route's chunk). */
  loadPlaylistCode: () => Promise<unknown>;
}) {
  const urlFor = useArtwork();
  const query = useQuery(playlistsQuery(access));
  const unanswered = !query.data && (query.isError || query.fetchStatus === 'paused');
  const downloaded = downloads.useDownloadedPlaylists(unanswered);
  const queryClient = useQueryClient();
  const prefetch = (id: string) => {
    // The playlist screen's code too, if the rest of the library hasn't come yet (decision 022).
    // Fetched ahead only: the route fetches it again when opened, and says so if it can't.
    void loadPlaylistCode().catch(() => undefined);
    void queryClient.prefetchInfiniteQuery(playlistItemsQuery(access, id));
    void queryClient.prefetchQuery(playlistQuery(access, id));
  };

  return (
    <section aria-labelledby="playlists-title">
      <div className="screen-head">
        <h1 id="playlists-title">Playlists</h1>
        <RefreshButton onRefresh={() => query.refetch()} busy={query.isFetching} />
      </div>
      {query.data ? (
        <StaleNotice updatedAt={query.dataUpdatedAt} refreshFailed={query.isRefetchError} />
      ) : null}
      {unanswered && downloaded.length > 0 ? (
        <>
          <DownloadedCopyNotice>
            Showing your downloaded playlists; the rest come back with the network.
          </DownloadedCopyNotice>
          <DownloadedPlaylists playlists={downloaded} downloads={downloads} />
        </>
      ) : query.isPending ? (
        <ul className="card-grid" aria-label="Loading playlists">
          {Array.from({ length: 6 }, (_, i) => (
            <li key={i} className="card">
              <Skeleton width="160px" height="160px" />
              <Skeleton width="70%" />
            </li>
          ))}
        </ul>
      ) : query.isError ? (
        <QueryError
          error={query.error}
          what="list of playlists"
          onRetry={() => void query.refetch()}
        />
      ) : query.data.items.length === 0 ? (
        <Notice tone="info" title="No music playlists on this server yet.">
          <p>Make one in Plex (or Plexamp) and it shows up here.</p>
        </Notice>
      ) : (
        <PlaylistGrid
          playlists={query.data.items}
          downloads={downloads}
          urlFor={urlFor}
          onIntent={prefetch}
        />
      )}
    </section>
  );
}
