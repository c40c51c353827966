import * as v from 'valibot';

/**
 * Plex's JSON as it comes over the wire. Tolerant of extra and missing optional fields, strict on
 * what PlexM8 needs. Only lib/plex sees these shapes; mappers turn them into domain types.
 */

const numberish = v.union([v.number(), v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number))]);
const stringish = v.union([v.string(), v.pipe(v.number(), v.transform(String))]);
/** A yes/no that servers send as a boolean, 0/1, or null when unknown (→ false). */
const flag = v.nullish(
  v.union([
    v.boolean(),
    v.pipe(
      v.number(),
      v.transform((n) => n === 1),
    ),
  ]),
  false,
);

export const pinSchema = v.looseObject({
  id: numberish,
  code: v.string(),
  authToken: v.nullish(v.string(), null),
  expiresAt: v.optional(v.string()),
  expiresIn: v.optional(v.number()),
});

export const userSchema = v.looseObject({
  id: numberish,
  uuid: v.string(),
  username: v.optional(v.string(), ''),
  title: v.optional(v.string(), ''),
  email: v.optional(v.string()),
  thumb: v.optional(v.string()),
});

/**
 * Real resources carry nulls where a value is unknown (`platform`, `platformVersion`, `device`,
 * even `connections`): only what PlexM8 can't work without is required (docs/plex-api.md).
 */
export const connectionSchema = v.looseObject({
  protocol: v.nullish(v.string()),
  address: v.nullish(v.string(), ''),
  port: v.nullish(numberish, 0),
  uri: v.string(),
  local: flag,
  relay: flag,
  IPv6: flag,
});

export const resourceSchema = v.looseObject({
  name: v.nullish(v.string(), 'Plex Media Server'),
  product: v.nullish(v.string(), ''),
  productVersion: v.nullish(v.string()),
  platform: v.nullish(v.string()),
  clientIdentifier: v.string(),
  provides: v.nullish(v.string(), ''),
  accessToken: v.nullish(v.string()),
  owned: flag,
  presence: flag,
  httpsRequired: flag,
  connections: v.nullish(v.array(v.unknown()), []),
});

/** Resources are checked one by one, so one odd device doesn't hide the others. */
export const resourcesSchema = v.array(v.unknown());

export const identitySchema = v.looseObject({
  MediaContainer: v.looseObject({ machineIdentifier: v.string(), version: v.optional(v.string()) }),
});

export const sectionsSchema = v.looseObject({
  MediaContainer: v.looseObject({
    Directory: v.optional(
      v.array(
        v.looseObject({
          key: stringish,
          type: v.string(),
          title: v.optional(v.string(), 'Untitled library'),
          uuid: v.optional(v.string()),
          updatedAt: v.optional(v.number()),
          refreshing: flag,
        }),
      ),
      [],
    ),
  }),
});
