/** App-owned types. Plex's own shapes stop at lib/plex, which turns them into these. */

export interface PlexUser {
  id: number;
  uuid: string;
  username: string;
  title: string;
  email?: string;
  /** Avatar URL (plex.tv serves it; no token needed). */
  thumb?: string;
}

export interface PlexPin {
  id: number;
  code: string;
  /** Epoch ms after which plex.tv forgets the PIN. */
  expiresAt: number;
  /** Set once the user approved the sign-in on app.plex.tv. */
  authToken: string | null;
}

/** Local beats relay beats remote: the product's order (docs/decisions/002). */
export type ConnectionTier = 'local' | 'relay' | 'remote';

export interface Connection {
  uri: string;
  protocol: 'http' | 'https';
  address: string;
  port: number;
  local: boolean;
  relay: boolean;
  ipv6: boolean;
  tier: ConnectionTier;
}

export interface PlexServer {
  /** The server's machineIdentifier (the resource's clientIdentifier). */
  id: string;
  name: string;
  product: string;
  productVersion?: string;
  platform?: string;
  owned: boolean;
  /** The token to use against THIS server: a password, never logged or cached in a URL. */
  accessToken: string;
  presence: boolean;
  httpsRequired: boolean;
  connections: Connection[];
}

export interface MusicSection {
  key: string;
  title: string;
  uuid?: string;
  updatedAt?: number;
}
