import { createContext, useContext, type ReactNode } from 'react';
import type { PlexClientInfo, PlexTvClient, PmsClient } from './plex';

/** The current server as features see it: a client plus the ids that scope cached data. */
export interface PmsAccess {
  client: PmsClient;
  serverId: string;
  userId: number;
}

export interface PlexServices {
  clientInfo: PlexClientInfo;
  plexTv: PlexTvClient;
  /** Leaves the app for another site (app.plex.tv's sign-in page). */
  openExternal: (url: string) => void;
}

const ServicesContext = createContext<PlexServices | null>(null);
const PmsContext = createContext<PmsAccess | null>(null);

export function PlexServicesProvider({
  value,
  children,
}: {
  value: PlexServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function PmsProvider({ value, children }: { value: PmsAccess | null; children: ReactNode }) {
  return <PmsContext.Provider value={value}>{children}</PmsContext.Provider>;
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
