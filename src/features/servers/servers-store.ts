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
  reset(): void;
}

export const SERVERS_KEY = 'servers';

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
