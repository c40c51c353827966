// Each screen is a chunk of its own (app/router.tsx): each carries the library's styles.
import './library.css';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MusicSection } from '../../domain';
import { describeError } from '../../ui/plex-error-text';
import type { PmsAccess } from '../../lib/plex-context';
import { writeKeys, type ScanSection } from '../../lib/server-writes';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { libraryKeys, recentlyAddedQuery } from './queries';
import { QueryError } from './query-feedback';
import type { TrackListActions } from './list-actions';
import { useArtwork } from '../../lib/use-artwork';
import { AlbumCard } from './item-links';
import { AlbumsGrid, ArtistsList } from './section-browse';
import { sortOf, type SectionList } from './section-lists';
import { TracksList } from './section-tracks';
import { useSection } from './use-section';

/**
 * "Scan library" asks the server to look for new files (a mutation: app/server-writes.ts; offline,
 * it waits and is sent when the server can be reached), and shows it is scanning until done.
 */
function ScanButton({ access, section }: { access: PmsAccess; section: MusicSection }) {
  const queryClient = useQueryClient();
  const scan = useMutation<unknown, Error, ScanSection>({ mutationKey: writeKeys.scan });
  const [requested, setRequested] = useState(false);
  const scanning = requested || scan.isPending || section.scanning === true;

  useEffect(() => {
    if (!scanning || scan.isPaused) return;
    // Poll the sections list: Plex marks a library `refreshing` while it scans.
    const timer = setInterval(
      () => void queryClient.invalidateQueries({ queryKey: libraryKeys.sections(access) }),
      2000,
    );
    return () => clearInterval(timer);
  }, [scanning, scan.isPaused, queryClient, access]);

  useEffect(() => {
    if (requested && section.scanning === false) {
      const settle = setTimeout(() => setRequested(false), 2500);
      return () => clearTimeout(settle);
    }
  }, [requested, section.scanning]);

  function start() {
    scan.mutate(
      { userId: access.userId, serverId: access.serverId, sectionKey: section.key },
      { onSuccess: () => setRequested(true) },
    );
  }

  return (
    <>
      <Button variant="quiet" busy={scanning} onClick={start}>
        {scan.isPaused
          ? 'Scan asked for: sent when the server can be reached'
          : scanning
            ? 'Scanning library…'
            : 'Scan library for new music'}
      </Button>
      {scan.isError ? (
        <Notice tone="error" title="Couldn't start a scan.">
          {describeError(scan.error)}
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

const views = [
  { key: 'artists', label: 'Artists' },
  { key: 'albums', label: 'Albums' },
  { key: 'tracks', label: 'Tracks' },
] as const satisfies readonly { key: SectionList; label: string }[];

/**
 * Artists, Albums or Tracks of the library, chosen in the URL (`?view=albums&sort=…`) so Back
 * and a reload keep it. Each list is keyed by its sort: a new order starts from its first page.
 */
function Browse({
  access,
  section,
  actions,
}: {
  access: PmsAccess;
  section: MusicSection;
  actions: TrackListActions;
}) {
  const [params, setParams] = useSearchParams();
  const view = views.find((v) => v.key === params.get('view'))?.key ?? 'artists';
  const sort = sortOf(view, params.get('sort'));
  const onSort = (next: string) => setParams({ view, sort: next }, { replace: true });
  const props = { access, section, sort, onSort };
  const key = `${section.key} ${sort}`;
  return (
    <>
      <nav className="segmented" aria-label="Browse the library by">
        {views.map((v) => (
          <Link
            key={v.key}
            to={`?view=${v.key}`}
            aria-current={v.key === view ? 'page' : undefined}
            className="segment"
          >
            {v.label}
          </Link>
        ))}
      </nav>
      {view === 'albums' ? (
        <AlbumsGrid key={key} {...props} />
      ) : view === 'tracks' ? (
        <TracksList key={key} {...props} actions={actions} />
      ) : (
        <>
          {/* The library's front page: what is new, then everyone in it. */}
          <RecentlyAdded access={access} section={section} />
          <ArtistsList key={key} {...props} />
        </>
      )}
    </>
  );
}

/** The chosen music library: its Artists, Albums and Tracks, a scan for new music. */
export function LibraryView({ access, actions }: { access: PmsAccess; actions: TrackListActions }) {
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
          <Browse access={access} section={section} actions={actions} />
        </>
      )}
    </section>
  );
}
