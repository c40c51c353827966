import * as v from 'valibot';
import type { Connection, PlexServer } from '../../domain';
import { persistedShape } from '../../lib/persisted-shape';

const connection: v.GenericSchema<unknown, Connection> = v.looseObject({
  uri: v.string(),
  protocol: v.picklist(['http', 'https']),
  address: v.string(),
  port: v.number(),
  local: v.boolean(),
  relay: v.boolean(),
  ipv6: v.boolean(),
  tier: v.picklist(['local', 'relay', 'remote']),
});

const server: v.GenericSchema<unknown, PlexServer> = v.looseObject({
  id: v.string(),
  name: v.string(),
  product: v.string(),
  productVersion: v.optional(v.string()),
  platform: v.optional(v.string()),
  owned: v.boolean(),
  accessToken: v.string(),
  presence: v.boolean(),
  httpsRequired: v.boolean(),
  connections: v.array(connection),
});

/** The server list as stored (sealed): version 0 is every build before issue 14, same shape. */
export const serversShape = persistedShape({
  version: 1,
  schema: v.object({
    servers: v.array(server),
    selectedId: v.nullable(v.string()),
    remembered: v.record(v.string(), v.string()),
  }),
});
