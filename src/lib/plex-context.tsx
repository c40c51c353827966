import { createContext, useContext, type ReactNode } from 'react';
import type { ConnectionTier } from '../domain';
import type { PlexClientInfo } from './plex/client-info';
import type { PlexTvClient } from './plex/plex-tv-client';
import type { PmsClient } from './plex/pms-client';

/** The current server as features see it: a client plus the ids that scope cached data. */
export interface PmsAccess {
  client: PmsClient;
  serverId: string;
  userId: number;
  /** How the server is reached right now (read at call time: failover moves it). */
  tier(): ConnectionTier | null;
  /**
   * Something of this server's stopped answering (a request, a stream): find out why and act
   * (a revoked sign-in, a changed token, a dead connection). See app/refusal-check.ts.
   */
  serverUnreachable(): Promise<void>;
}

export interface PlexServices {
  clientInfo: PlexClientInfo;
  plexTv: PlexTvClient;
  /** Leaves the app for another site (app.plex.tv's sign-in page). */
  openExternal: (url: string) => void;
}

/** Why there is no PmsAccess yet, for screens to say so. */
export type ServerWait =
  { state: 'no-server' } | { state: 'connecting' | 'unreachable'; serverName: string };

const ServicesContext = createContext<PlexServices | null>(null);
const PmsContext = createContext<PmsAccess | null>(null);
const WaitContext = createContext<ServerWait>({ state: 'no-server' });
const TierContext = createContext<ConnectionTier | null>(null);

export function PlexServicesProvider({
  value,
  children,
}: {
  value: PlexServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function PmsProvider({
  value,
  wait,
  tier,
  children,
}: {
  value: PmsAccess | null;
  wait: ServerWait;
  /** How the server is reached now, for screens that say so (downloads over the relay). */
  tier: ConnectionTier | null;
  children: ReactNode;
}) {
  return (
    <WaitContext.Provider value={wait}>
      <TierContext.Provider value={tier}>
        <PmsContext.Provider value={value}>{children}</PmsContext.Provider>
      </TierContext.Provider>
    </WaitContext.Provider>
  );
}

/** How the current server is reached right now (re-renders when a failover moves it). */
export function useConnectionTier(): ConnectionTier | null {
  return useContext(TierContext);
}

export function useServerWait(): ServerWait {
  return useContext(WaitContext);
}

export function usePlexServices(): PlexServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('PlexServicesProvider is missing');
  return services;
}

/** null until a server is chosen and connected. */
export function usePms(): PmsAccess | null {
  return useContext(PmsContext);
}

/**
 * For screens under the router's RequireServer route (app/routes/require-server.tsx), which
 * renders them only once a server is connected and shows the wait otherwise.
 */
export function useServerAccess(): PmsAccess {
  const access = useContext(PmsContext);
  if (!access) throw new Error('a server screen rendered before its server was connected');
  return access;
}
