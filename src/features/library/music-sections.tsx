import { useQuery } from '@tanstack/react-query';
import { isPlexError } from '../../lib/plex/errors';
import { usePms, type PmsAccess } from '../../lib/plex-context';
import { Skeleton } from '../../ui/skeleton';
import { useLibraryStore, pickSection } from './library-store';
import { musicSectionsQuery } from './queries';
import { QueryError } from './query-feedback';
import { Notice } from '../../ui/notice';

function Sections({ access, serverName }: { access: PmsAccess; serverName: string }) {
  const query = useQuery(musicSectionsQuery(access));
  const remembered = useLibraryStore((s) => s.sectionByServer[access.serverId]);
  const choose = useLibraryStore((s) => s.chooseSection);
  if (query.isPending) return <Skeleton height="3rem" />;
  if (query.isError && !query.data) {
    if (isPlexError(query.error, 'unauthorized')) {
      return <Notice tone="error" title={`${serverName} no longer accepts your sign-in.`} />;
    }
    return (
      <QueryError
        error={query.error}
        what={`list of libraries on ${serverName}`}
        onRetry={() => void query.refetch()}
      />
    );
  }
  if (query.data.length === 0)
    return <Notice tone="info" title={`${serverName} has no music libraries.`} />;
  const current = pickSection(query.data, remembered);
  return (
    <fieldset className="section-list">
      <legend className="visually-hidden">Music library to browse</legend>
      {query.data.map((section) => (
        <label key={section.key} className="section-option">
          <input
            type="radio"
            name="music-section"
            value={section.key}
            checked={section.key === current?.key}
            onChange={() => choose(access.serverId, section.key)}
          />
          <span className="section-icon" aria-hidden="true">
            ♪
          </span>
          <span dir="auto">{section.title}</span>
          {section.scanning ? <span className="muted"> · scanning</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

/** The chosen server's music libraries, and which one PlexM8 browses. */
export function MusicSections({ serverName }: { serverName: string }) {
  const access = usePms();
  return (
    <section className="music-sections" aria-labelledby="music-sections-title">
      <h2 id="music-sections-title">Music on {serverName}</h2>
      {access ? (
        <Sections access={access} serverName={serverName} />
      ) : (
        <p className="muted">Waiting for a connection…</p>
      )}
    </section>
  );
}
