import * as v from 'valibot';
import { persistedShape } from '../../lib/persisted-shape';

/** Which section per server, as stored: version 0 is every build before issue 14. */
export const libraryShape = persistedShape({
  version: 1,
  schema: v.object({ sectionByServer: v.record(v.string(), v.string()) }),
});
