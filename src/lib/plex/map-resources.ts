import * as v from 'valibot';
import type { Connection, ConnectionTier, PlexServer } from '../../domain';
import { connectionSchema, resourceSchema } from './schemas';

function tierOf(connection: { local: boolean; relay: boolean }): ConnectionTier {
  if (connection.relay) return 'relay';
  return connection.local ? 'local' : 'remote';
}

/** Only http(s) URIs are ever used: a resource can't smuggle in javascript: or file:. */
function toConnection(raw: unknown): Connection | null {
  const parsed = v.safeParse(connectionSchema, raw);
  if (!parsed.success) return null;
  const c = parsed.output;
  let url: URL;
  try {
    url = new URL(c.uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return {
    uri: url.origin,
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    address: c.address || url.hostname,
    port: c.port || Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
    local: c.local,
    relay: c.relay,
    ipv6: c.IPv6,
    tier: tierOf(c),
  };
}

export interface MappedResources {
  servers: PlexServer[];
  /** Devices that claimed to be servers but were unusable (no token, bad shape). */
  skipped: number;
}

/** plex.tv resources → the servers PlexM8 can use. */
export function mapResources(devices: unknown[], fallbackToken: string): MappedResources {
  const servers: PlexServer[] = [];
  let skipped = 0;
  for (const raw of devices) {
    const parsed = v.safeParse(resourceSchema, raw);
    if (!parsed.success) {
      skipped += 1;
      continue;
    }
    const device = parsed.output;
    if (!device.provides.split(',').includes('server')) continue;
    // The account token is the key to everything the user owns: a server they don't own (a
    // friend's, a stranger's that put itself in the list) gets it only if it is theirs. A shared
    // server always comes with its own accessToken; one without is unusable, not trusted.
    if (!device.accessToken && !device.owned) {
      skipped += 1;
      continue;
    }
    const connections = device.connections
      .map(toConnection)
      .filter((c): c is Connection => c !== null);
    servers.push({
      id: device.clientIdentifier,
      name: device.name,
      product: device.product,
      productVersion: device.productVersion ?? undefined,
      platform: device.platform ?? undefined,
      owned: device.owned,
      // Owned servers accept the account token too.
      accessToken: device.accessToken ?? fallbackToken,
      presence: device.presence,
      httpsRequired: device.httpsRequired,
      connections,
    });
  }
  return { servers, skipped };
}
