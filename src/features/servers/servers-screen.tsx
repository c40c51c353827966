import type { ReactNode } from 'react';
import { describeError } from '../../ui/plex-error-text';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';
import { ServerCard } from './server-card';
import { useServersQuery } from './use-servers';
import { useServersStore } from './servers-store';
import './servers.css';

/** The account's servers, how each is reached, and which one PlexM8 uses. */
export function ServersScreen({
  token,
  userId,
  children,
}: {
  token: string;
  userId: number;
  children?: ReactNode;
}) {
  const query = useServersQuery(token, userId);
  const servers = useServersStore((s) => s.servers);
  const selectedId = useServersStore((s) => s.selectedId);

  return (
    <section className="servers" aria-labelledby="servers-title">
      <h1 id="servers-title">Servers</h1>
      {query.isError ? (
        <Notice
          tone={servers.length ? 'warning' : 'error'}
          title="Couldn't load your servers from Plex."
        >
          <p>
            {describeError(query.error)}
            {servers.length ? ' Showing the servers PlexM8 knew about.' : ''}
          </p>
          <Button onClick={() => void query.refetch()}>Try again</Button>
        </Notice>
      ) : null}
      {query.isPending && servers.length === 0 ? (
        <ul className="server-list" aria-label="Loading servers">
          {[0, 1].map((i) => (
            <li key={i} className="server-card">
              <Skeleton width="40%" height="1.4rem" />
              <Skeleton width="70%" />
            </li>
          ))}
        </ul>
      ) : null}
      {query.isSuccess && servers.length === 0 ? (
        <Notice tone="info" title="No Plex Media Servers on this account.">
          <p>
            PlexM8 plays music from a Plex Media Server. Set one up, or ask a friend to share
            theirs, then look again.
          </p>
          <Button onClick={() => void query.refetch()}>Look again</Button>
        </Notice>
      ) : null}
      {servers.length > 0 ? (
        <ul className="server-list">
          {servers.map((server) => (
            <ServerCard key={server.id} server={server} selected={server.id === selectedId} />
          ))}
        </ul>
      ) : null}
      {children}
    </section>
  );
}
