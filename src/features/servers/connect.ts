import type { Connection, PlexServer } from '../../domain';
import { forgetAtSignOut } from '../../lib/account-memory';
import type { PlexClientInfo } from '../../lib/plex/client-info';
import { chooseConnection, rankOf, type ConnectionChoice } from './choose-connection';
import { identityProbe } from './probe-connection';
import { currentConnection, useServersStore } from './servers-store';

export type ConnectReason = 'start' | 'test' | 'failover' | 'permission';

const inflight = new Map<string, Promise<ConnectionChoice>>();
/**
 * Bumped at sign-out: a probe begun before it finds nothing out for the next session (it used
 * the old account's server token, and what it found would land in the emptied server list,
 * `remembered` included, which is saved).
 */
let signOuts = 0;
forgetAtSignOut(() => {
  inflight.clear();
  signOuts += 1;
});

/** While the browser asks about local network access, a local probe waits this long. */
const LOCAL_PERMISSION_WAIT_MS = 60_000;

function apply(serverId: string, choice: ConnectionChoice, begunAfter: number) {
  const store = useServersStore.getState();
  // Signed out meanwhile, or the server has left the list (a revoked token's sign-out empties
  // it without the rest of the wipe): what the probe found belongs to no one now.
  if (begunAfter !== signOuts || !store.servers.some((s) => s.id === serverId)) return;
  store.setStatus(
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
 * The connections worth probing: a server the user doesn't own is reached over the internet or
 * the relay; probing a friend's LAN addresses only raises Chrome's Local Network Access prompt
 * for nothing (python-plexapi's preferred_connections does the same).
 */
export function candidatesOf(server: PlexServer): Connection[] {
  return server.owned ? server.connections : server.connections.filter((c) => !c.local);
}

/** The candidates of `late` replace those of `choice` (a local that answered after all). */
function merged(choice: ConnectionChoice, late: ConnectionChoice): ConnectionChoice {
  const states = new Map(late.candidates.map((c) => [c.connection.uri, c]));
  return {
    chosen: late.chosen ?? choice.chosen,
    candidates: choice.candidates.map((c) => states.get(c.connection.uri) ?? c),
  };
}

/**
 * Probes a server's connections and records the choice. On start the remembered connection wins
 * the moment it answers; if that is not local, a full probe follows in the background and moves
 * to a better tier when one answers (the phone came home to Wi-Fi). While Chrome still asks the
 * user about local network access, the local probes keep waiting for the answer in the
 * background (the relay or internet serves meanwhile) instead of failing at the probe timeout.
 */
export function connectServer(
  server: PlexServer,
  client: PlexClientInfo,
  reason: ConnectReason,
  pageProtocol = window.location.protocol,
): Promise<ConnectionChoice> {
  const running = inflight.get(server.id);
  const begunAfter = signOuts;
  if (running && reason !== 'permission') return running;
  const store = useServersStore.getState();
  const preferredUri = reason === 'start' ? store.remembered[server.id] : undefined;
  store.setStatus(server.id, { state: 'probing', previous: currentConnection(store, server.id) });
  const candidates = candidatesOf(server);

  const work = (running ?? Promise.resolve())
    .catch(() => undefined)
    // Its own small chunk (no imports), read before the first probe.
    .then(() => import('./local-network-permission').then((m) => m.localNetworkState()))
    .then(async (permission) => {
      const options = { token: server.accessToken, localNetwork: () => permission };
      const probe = identityProbe(server.id, client, options);
      const choice = await chooseConnection(candidates, probe, { pageProtocol, preferredUri });
      apply(server.id, choice, begunAfter);
      const chosen = choice.chosen;
      // Something better may still answer: the locals once the user answers Chrome's question
      // (probed patiently), or anything better than a remembered relay or remote.
      const asked = permission === 'prompt' && candidates.some((c) => c.local);
      if (chosen?.tier === 'local' || (!asked && chosen?.uri !== preferredUri)) return choice;
      const again = asked
        ? identityProbe(server.id, client, { ...options, timeoutMs: LOCAL_PERMISSION_WAIT_MS })
        : probe;
      void chooseConnection(asked ? candidates.filter((c) => c.local) : candidates, again, {
        pageProtocol,
      }).then((better) => {
        const now = currentConnection(useServersStore.getState(), server.id);
        if (better.chosen && (!now || rankOf(better.chosen) < rankOf(now)))
          apply(server.id, merged(choice, better), begunAfter);
      });
      return choice;
    })
    .finally(() => {
      if (inflight.get(server.id) === work) inflight.delete(server.id);
    });
  inflight.set(server.id, work);
  return work;
}
