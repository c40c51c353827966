import { SourceRefused } from './download-errors';
import type { DownloadSource } from './runner';

/**
 * What the player's rule for a download's URL says (features/player/download-url.ts, passed
 * in by app/: features don't import each other), as this feature's runner takes it.
 */
export type SourceAnswer =
  | { ok: true; url: string; transcoded: boolean; done?: () => void }
  | { ok: false; unreachable: boolean };

/**
 * A job's source, or the error the runner records: not reaching the server is the network's
 * doing (it waits offline and retries), a refused transcode is the file's (runner.ts).
 */
export function sourceOf(answer: SourceAnswer | null): DownloadSource | null {
  if (!answer) return null;
  if (answer.ok) return { url: answer.url, transcoded: answer.transcoded, done: answer.done };
  if (answer.unreachable) throw new TypeError('dropped');
  throw new SourceRefused('not-converted');
}
