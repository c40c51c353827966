import { fetchImage } from './artwork-fetch';

/**
 * Fetches artwork off the page: a fetch is listed in the performance timeline of the global that
 * made it (Resource Timing), and artwork URLs carry the token. Here they land in this worker's
 * own timeline, which is emptied after each one. (docs/decisions/015)
 */
export type ArtworkWorkerRequest = { id: number; url: string } | { id: number; abort: true };
export interface ArtworkWorkerReply {
  id: number;
  blob: Blob | null;
  /** Failed at the network level: no answer, or one the browser hid (CORS). */
  refused?: boolean;
}

const running = new Map<number, AbortController>();

addEventListener('message', (event: MessageEvent<ArtworkWorkerRequest>) => {
  const request = event.data;
  if ('abort' in request) {
    running.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  const reply = (blob: Blob | null, refused = false) => {
    running.delete(request.id);
    performance.clearResourceTimings();
    if (!controller.signal.aborted)
      postMessage({ id: request.id, blob, refused } satisfies ArtworkWorkerReply);
  };
  // fetch rejects with a TypeError when nothing readable came back (no answer, or CORS).
  fetchImage(request.url, controller.signal).then(
    (blob) => reply(blob),
    (error: unknown) => reply(null, error instanceof TypeError),
  );
});
