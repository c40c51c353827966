import { Link } from 'react-router';
import { useServerWait } from '../../lib/plex-context';
import { Notice } from '../../ui/notice';
import { Skeleton } from '../../ui/skeleton';

/** No server connection yet, and nothing cached to show: say which, and what to do. */
export function WaitingForServer({ title }: { title: string }) {
  const wait = useServerWait();
  return (
    <section>
      <h1>{title}</h1>
      {wait.state === 'connecting' ? (
        <div role="status" aria-label={`Connecting to ${wait.serverName}`}>
          <p className="muted">Connecting to {wait.serverName}…</p>
          <Skeleton height="8rem" />
        </div>
      ) : wait.state === 'unreachable' ? (
        <Notice tone="error" title={`Can't reach ${wait.serverName}.`}>
          <p>
            <Link to="/servers">See why, and test the connection again</Link>.
          </p>
        </Notice>
      ) : (
        <Notice tone="info" title="PlexM8 isn't connected to a server yet.">
          <p>
            <Link to="/servers">Choose a server</Link> to see your music.
          </p>
        </Notice>
      )}
    </section>
  );
}
