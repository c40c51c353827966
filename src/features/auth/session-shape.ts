import * as v from 'valibot';
import type { PlexUser } from '../../domain';
import { persistedShape } from '../../lib/persisted-shape';

const userSchema: v.GenericSchema<unknown, PlexUser> = v.looseObject({
  id: v.number(),
  uuid: v.string(),
  username: v.string(),
  title: v.string(),
  email: v.optional(v.string()),
  thumb: v.optional(v.string()),
});

/**
 * The session as stored (sealed). Version 0 is every build before issue 14; its shape is
 * today's, so there is no step. A session that can't be read is as good as signed out.
 */
export const sessionShape = persistedShape({
  version: 1,
  schema: v.object({ token: v.nullable(v.string()), user: v.nullable(userSchema) }),
});
