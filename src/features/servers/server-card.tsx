import type { PlexServer } from '../../domain';
import { usePlexServices } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { connectServer } from './connect';
import { candidateText, statusSentence, tierLabel } from './describe-status';
import { useServersStore, type ServerStatus } from './servers-store';

function badge(status: ServerStatus | undefined): { text: string; tone: string } {
  if (!status || status.state === 'idle' || status.state === 'probing')
    return { text: 'Checking…', tone: 'pending' };
  if (status.state === 'unreachable') return { text: 'Unreachable', tone: 'bad' };
  return {
    text: tierLabel[status.connection.tier],
    tone: status.connection.tier === 'local' ? 'good' : 'ok',
  };
}

export function ServerCard({ server, selected }: { server: PlexServer; selected: boolean }) {
  const { clientInfo } = usePlexServices();
  const status = useServersStore((s) => s.statuses[server.id]);
  const select = useServersStore((s) => s.select);
  const { text, tone } = badge(status);
  const probing = status?.state === 'probing';
  const candidates = status && 'candidates' in status ? status.candidates : [];
  const headingId = `server-${server.id}`;

  return (
    <li className={`server-card${selected ? ' is-selected' : ''}`} aria-labelledby={headingId}>
      <div className="server-head">
        <div>
          <h2 id={headingId}>{server.name}</h2>
          <p className="server-meta">
            {server.owned ? 'Your server' : 'Shared with you'}
            {server.productVersion ? ` · Plex ${server.productVersion.split('-')[0]}` : ''}
          </p>
        </div>
        <span className={`badge badge-${tone}`}>{text}</span>
      </div>
      <p className="server-status" aria-live="polite">
        {statusSentence(server.name, status)}
      </p>
      {candidates.length > 0 ? (
        <details className="server-candidates">
          <summary>Connections ({candidates.length})</summary>
          <ul>
            {candidates.map(({ connection, state }) => (
              <li key={connection.uri}>
                <span className="candidate-tier">{tierLabel[connection.tier]}</span>{' '}
                <span className="candidate-address">
                  {connection.protocol}://{connection.address}:{connection.port}
                </span>{' '}
                <span
                  className={`candidate-state state-${state.ok === true ? 'ok' : state.ok === false ? 'bad' : 'skip'}`}
                >
                  {candidateText(state)}
                </span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <div className="server-actions">
        {selected ? (
          <span className="server-using">Using this server</span>
        ) : (
          <Button variant="primary" onClick={() => select(server.id)}>
            Use this server
          </Button>
        )}
        <Button busy={probing} onClick={() => void connectServer(server, clientInfo, 'test')}>
          {probing ? 'Testing…' : 'Test connection'}
        </Button>
      </div>
    </li>
  );
}
