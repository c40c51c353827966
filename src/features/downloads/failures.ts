import * as v from 'valibot';
import type { DownloadFailure } from './types';

/** A failure as job records since version 3 hold it (decision 028). */
export const failureSchema = v.variant('code', [
  v.object({ code: v.literal('http'), status: v.number() }),
  v.object({ code: v.literal('stalled'), seconds: v.number() }),
  v.object({
    code: v.picklist([
      'incomplete',
      'dropped',
      'not-converted',
      'cors',
      'storage-refused',
      'unknown',
    ]),
  }),
]) satisfies v.GenericSchema<unknown, DownloadFailure>;

/**
 * The sentences builds before version 3 stored as a job's error: a closed set (runner.ts,
 * download-errors.ts and download-db.ts of those builds), so each is read back as its code and
 * the screen says what it said then. Anything else is `unknown`.
 */
const oldSentences: Record<string, DownloadFailure> = {
  'the file arrived incomplete': { code: 'incomplete' },
  'the connection dropped': { code: 'dropped' },
  "the server wouldn't convert it": { code: 'not-converted' },
  "this server doesn't let the browser download its files (it sends no CORS headers). Playing still works; ask the server's owner, or download on the server's own network":
    { code: 'cors' },
  'this browser refused to store the file (a private window keeps no downloads)': {
    code: 'storage-refused',
  },
};

export function oldFailure(text: string | null): DownloadFailure | null {
  if (text === null) return null;
  const known = oldSentences[text];
  if (known) return known;
  const answered = /^the server answered (\d+)$/.exec(text);
  if (answered) return { code: 'http', status: Number(answered[1]) };
  const stalled = /^the server stopped sending for (\d+) s$/.exec(text);
  if (stalled) return { code: 'stalled', seconds: Number(stalled[1]) };
  return { code: 'unknown' };
}
