import { fetchImage } from './artwork-fetch';
import type { ArtworkWorkerReply, ArtworkWorkerRequest } from './artwork-worker';

interface Waiting {
  resolve: (blob: Blob) => void;
  reject: (error: Error) => void;
}

let worker: Worker | null | undefined;
let workerBroken = false;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/** Why an image didn't come: `refused` when the server gave no answer a script may read. */
export class ArtworkFailure extends Error {
  constructor(readonly refused: boolean) {
    super(refused ? 'the server did not answer for artwork' : 'artwork not loaded');
  }
}
const notLoaded = () => new ArtworkFailure(false);

function artworkWorker(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') {
    worker = null;
    return worker;
  }
  const started = new Worker(new URL('./artwork-worker.ts', import.meta.url), {
    type: 'module',
    name: 'artwork',
  });
  started.addEventListener('message', (event: MessageEvent<ArtworkWorkerReply>) => {
    const { id, blob, refused = false } = event.data;
    const w = waiting.get(id);
    waiting.delete(id);
    if (blob) w?.resolve(blob);
    else w?.reject(new ArtworkFailure(refused));
  });
  // A worker that can't start (a CSP, a failed load) answers nothing: fail what waits, and all
  // later artwork, rather than holding fetch slots forever. Covers then show placeholders.
  started.addEventListener('error', () => {
    workerBroken = true;
    for (const w of waiting.values()) w.reject(notLoaded());
    waiting.clear();
  });
  worker = started;
  return worker;
}

/**
 * Fetches one image for a blob: URL. In a worker where there is one (browsers), so the URL and
 * its token stay out of the page's performance timeline; in the page where there isn't (tests).
 */
export function loadArtwork(url: string, signal: AbortSignal): Promise<Blob> {
  const target = artworkWorker();
  if (!target)
    return fetchImage(url, signal).catch((error: unknown) => {
      throw signal.aborted ? error : new ArtworkFailure(error instanceof TypeError);
    });
  if (workerBroken) return Promise.reject(notLoaded());
  return new Promise<Blob>((resolve, reject) => {
    nextId += 1;
    const id = nextId;
    waiting.set(id, { resolve, reject });
    signal.addEventListener(
      'abort',
      () => {
        if (!waiting.delete(id)) return;
        target.postMessage({ id, abort: true } satisfies ArtworkWorkerRequest);
        reject(new DOMException('Aborted', 'AbortError'));
      },
      { once: true },
    );
    target.postMessage({ id, url } satisfies ArtworkWorkerRequest);
  });
}
