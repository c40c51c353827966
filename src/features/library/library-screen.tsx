import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MusicSection } from '../../domain';
import { describeError } from '../../lib/plex';
import { countOf, formatNumber } from '../../lib/format';
import { usePms, type PmsAccess } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { VirtualList } from '../../ui/virtual-list';
import { artistsQuery, libraryKeys, recentlyAddedQuery } from './queries';
import { QueryError, StaleNotice } from './query-feedback';
import { useAllPages } from './use-all-pages';
import { useArtwork } from '../../lib/use-artwork';
import { AlbumCard, ArtistLink } from './item-links';
import { useSection } from './use-section';
import { WaitingForServer } from './waiting-for-server';

export function LibraryScreen() {
  const access = usePms();
  return access ? <Library access={access} /> : <WaitingForServer title="Library" />;
}

/** "Scan library" asks the server to look for new files, and shows it is scanning until done. */
function ScanButton({ access, section }: { access: PmsAccess; section: MusicSection }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [requested, setRequested] = useState(false);
  const scanning = requested || section.scanning === true;

  useEffect(() => {
    if (!scanning) return;
    // Poll the sections list: Plex marks a library `refreshing` while it scans.
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: libraryKeys.sections(access) }),
      2000,
    );
    return () => clearInterval(timer);
  }, [scanning, queryClient, access]);

  useEffect(() => {
    if (requested && section.scanning === false) {
      const settle = setTimeout(() => setRequested(false), 2500);
      return () => clearTimeout(settle);
    }
  }, [requested, section.scanning]);

  async function scan() {
    setError(null);
    try {
      await access.client.refreshSection(section.key);
      setRequested(true);
      await queryClient.invalidateQueries({ queryKey: libraryKeys.sections(access) });
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <>
      <Button variant="quiet" busy={scanning} onClick={() => void scan()}>
        {scanning ? 'Scanning library…' : 'Scan library for new music'}
      </Button>
      {error ? (
        <Notice tone="error" title="Couldn't start a scan.">
          {error}
        </Notice>
      ) : null}
    </>
  );
}

function RecentlyAdded({ access, section }: { access: PmsAccess; section: MusicSection }) {
  const urlFor = useArtwork();
  const query = useQuery(recentlyAddedQuery(access, section.key));
  if (query.isError && !query.data)
    return (
      <QueryError
        error={query.error}
        what="list of new albums"
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <section aria-labelledby="recent-title" className="shelf">
      <h2 id="recent-title">Recently added</h2>
      {query.isPending ? (
        <Skeleton height="9rem" />
      ) : query.data.length === 0 ? (
        <p className="muted">Nothing new lately.</p>
      ) : (
        <ul className="shelf-row">
          {query.data.map((album) => (
            <li key={album.id}>
              <AlbumCard album={album} urlFor={urlFor} size={128} meta={album.artist} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Artists({ access, section }: { access: PmsAccess; section: MusicSection }) {
  const urlFor = useArtwork();
  const query = useInfiniteQuery(artistsQuery(access, section.key));
  const all = useAllPages(query);
  return (
    <section aria-labelledby="artists-title">
      <h2 id="artists-title">
        Artists{' '}
        {all.complete ? <span className="muted">({formatNumber(all.items.length)})</span> : null}
      </h2>
      {query.data ? (
        <StaleNotice updatedAt={query.dataUpdatedAt} refreshFailed={query.isRefetchError} />
      ) : null}
      {!all.complete && query.data ? (
        <p className="progress-note" role="status">
          Loading {formatNumber(all.loaded)} of {countOf(all.total, 'artist')}…
        </p>
      ) : null}
      {query.isPending ? (
        <Skeleton height="12rem" />
      ) : query.isError && !query.data ? (
        <QueryError
          error={query.error}
          what="list of artists"
          onRetry={() => void query.refetch()}
        />
      ) : all.items.length === 0 ? (
        <Notice tone="info" title="This library has no artists yet." />
      ) : (
        <VirtualList
          items={all.items}
          rowHeight={60}
          label="Artists"
          getKey={(a) => a.id}
          renderRow={(artist) => <ArtistLink artist={artist} urlFor={urlFor} />}
        />
      )}
    </section>
  );
}

function Library({ access }: { access: PmsAccess }) {
  const { sections, section, choose } = useSection(access);
  return (
    <section aria-labelledby="library-title">
      <div className="screen-head">
        <h1 id="library-title">Library</h1>
        {section ? <ScanButton access={access} section={section} /> : null}
      </div>
      {sections.isPending ? (
        <Skeleton height="2.5rem" />
      ) : sections.isError && !sections.data ? (
        <QueryError
          error={sections.error}
          what="server's libraries"
          onRetry={() => void sections.refetch()}
        />
      ) : !section ? (
        <Notice tone="info" title="This server has no music libraries." />
      ) : (
        <>
          {sections.data && sections.data.length > 1 ? (
            <label className="section-picker">
              <span>Music library</span>
              <select value={section.key} onChange={(e) => choose(e.target.value)}>
                {sections.data.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <RecentlyAdded access={access} section={section} />
          <Artists access={access} section={section} />
        </>
      )}
    </section>
  );
}
