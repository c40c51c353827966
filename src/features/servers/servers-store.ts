import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Connection, PlexServer } from '../../domain';
import { secretStateStorage } from '../../lib/secret-storage';
import type { CandidateResult } from './choose-connection';
import { serversShape } from './servers-shape';

export type ServerStatus =
  | { state: 'idle' }
  | { state: 'probing'; previous: Connection | null }
  | { state: 'connected'; connection: Connection; candidates: CandidateResult[]; checkedAt: number }
  | { state: 'unreachable'; candidates: CandidateResult[]; checkedAt: number };

export interface ServersState {
  servers: PlexServer[];
  selectedId: string | null;
  /** The connection that last worked, per server: tried first next start. */
  remembered: Record<string, string>;
  statuses: Record<string, ServerStatus>;
  setServers(servers: PlexServer[]): void;
  select(id: string): void;
  setStatus(id: string, status: ServerStatus): void;
  /**
   * Versions before issue 14 gave a shared server that came without a token of its own the account
   * token (which opens everything the user owns). A list they stored may still hold such a server:
   * it goes, until plex.tv's list brings it back with its own token, if it has one.
   */
  dropLentAccountToken(accountToken: string): void;
  reset(): void;
}

const SERVERS_KEY = 'servers';

function pickDefault(servers: PlexServer[], current: string | null): string | null {
  if (current && servers.some((s) => s.id === current)) return current;
  return (servers.find((s) => s.owned) ?? servers[0])?.id ?? null;
}

export const useServersStore = create<ServersState>()(
  persist(
    (setState) => ({
      servers: [],
      selectedId: null,
      remembered: {},
      statuses: {},
      setServers: (servers) =>
        setState((state) => ({ servers, selectedId: pickDefault(servers, state.selectedId) })),
      select: (id) => setState({ selectedId: id }),
      setStatus: (id, status) =>
        setState((state) => ({
          statuses: { ...state.statuses, [id]: status },
          remembered:
            status.state === 'connected'
              ? { ...state.remembered, [id]: status.connection.uri }
              : state.remembered,
        })),
      dropLentAccountToken: (accountToken) =>
        setState((state) => {
          const servers = state.servers.filter(
            (server) => server.owned || server.accessToken !== accountToken,
          );
          return servers.length === state.servers.length
            ? state
            : { servers, selectedId: pickDefault(servers, state.selectedId) };
        }),
      reset: () => setState({ servers: [], selectedId: null, remembered: {}, statuses: {} }),
    }),
    {
      name: SERVERS_KEY,
      ...serversShape<ServersState>(createJSONStorage(() => secretStateStorage)),
      partialize: (s) => ({
        servers: s.servers,
        selectedId: s.selectedId,
        remembered: s.remembered,
      }),
    },
  ),
);

export function currentConnection(state: ServersState, id: string | null): Connection | null {
  if (!id) return null;
  const status = state.statuses[id];
  if (status?.state === 'connected') return status.connection;
  if (status?.state === 'probing') return status.previous;
  return null;
}
