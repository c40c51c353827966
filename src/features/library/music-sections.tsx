import { useQuery } from '@tanstack/react-query';
import { describeError, isPlexError } from '../../lib/plex';
import { usePms, type PmsAccess } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { musicSectionsQuery } from './sections-query';
import './library.css';

function Sections({ access, serverName }: { access: PmsAccess; serverName: string }) {
  const query = useQuery(musicSectionsQuery(access));
  if (query.isPending) {
    return (
      <ul className="section-list" aria-label="Loading music libraries">
        <li>
          <Skeleton width="50%" />
        </li>
        <li>
          <Skeleton width="35%" />
        </li>
      </ul>
    );
  }
  if (query.isError) {
    const unauthorized = isPlexError(query.error, 'unauthorized');
    return (
      <Notice
        tone="error"
        title={
          unauthorized
            ? `${serverName} no longer accepts your sign-in.`
            : `Couldn't load libraries from ${serverName}.`
        }
      >
        <p>
          {unauthorized
            ? 'Ask the owner to share it again, or sign out and back in.'
            : describeError(query.error)}
        </p>
        <Button onClick={() => void query.refetch()}>Try again</Button>
      </Notice>
    );
  }
  if (query.data.length === 0) {
    return <Notice tone="info" title={`${serverName} has no music libraries.`} />;
  }
  return (
    <ul className="section-list">
      {query.data.map((section) => (
        <li key={section.key}>
          <span className="section-icon" aria-hidden="true">
            ♪
          </span>
          {section.title}
        </li>
      ))}
    </ul>
  );
}

/** The chosen server's music libraries: the proof that PlexM8 is really connected. */
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
