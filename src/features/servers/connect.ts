import type { PlexServer } from '../../domain';
import type { PlexClientInfo } from '../../lib/plex';
import { chooseConnection, rankOf, type ConnectionChoice } from './choose-connection';
import { identityProbe } from './probe-connection';
import { currentConnection, useServersStore } from './servers-store';

export type ConnectReason = 'start' | 'test' | 'failover';

const inflight = new Map<string, Promise<ConnectionChoice>>();

function apply(serverId: string, choice: ConnectionChoice) {
  useServersStore.getState().setStatus(
    serverId,
    choice.chosen
      ? {
          state: 'connected',
          connection: choice.chosen,
          candidates: choice.candidates,
          checkedAt: Date.now(),
        }
      : { state: 'unreachable', candidates: choice.candidates, checkedAt: Date.now() },
  );
}

/**
 * Probes a server's connections and records the choice. On start the remembered connection wins
 * the moment it answers; if that is not local, a full probe follows in the background and moves
 * to a better tier when one answers (the phone came home to Wi-Fi).
 */
export function connectServer(
  server: PlexServer,
  client: PlexClientInfo,
  reason: ConnectReason,
  pageProtocol = window.location.protocol,
): Promise<ConnectionChoice> {
  const running = inflight.get(server.id);
  if (running) return running;
  const store = useServersStore.getState();
  const preferredUri = reason === 'start' ? store.remembered[server.id] : undefined;
  store.setStatus(server.id, { state: 'probing', previous: currentConnection(store, server.id) });
  const probe = identityProbe(server.id, client);

  const work = chooseConnection(server.connections, probe, { pageProtocol, preferredUri })
    .then((choice) => {
      apply(server.id, choice);
      const chosen = choice.chosen;
      if (chosen && chosen.uri === preferredUri && chosen.tier !== 'local') {
        void chooseConnection(server.connections, probe, { pageProtocol }).then((better) => {
          if (better.chosen && rankOf(better.chosen) < rankOf(chosen)) apply(server.id, better);
        });
      }
      return choice;
    })
    .finally(() => inflight.delete(server.id));
  inflight.set(server.id, work);
  return work;
}
