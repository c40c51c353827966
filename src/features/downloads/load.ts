import type * as Module from './module';

type DownloadsModule = typeof Module;

let loading: Promise<DownloadsModule> | null = null;

/**
 * The downloads module (queue, tabs, IndexedDB, screen) loads after the first paint, like the
 * player's runtime; the store is eager (decision 030). Anything asked of downloads comes this
 * way, so the saved downloads have been read before it is done.
 */
export function loadDownloads(): Promise<DownloadsModule> {
  loading ??= import('./module')
    .then(async (m) => {
      await m.loadDownloads();
      return m;
    })
    .catch((error: unknown) => {
      // A failed load is not kept: the next call asks again, so Download and sign-out's wipe
      // work once the network is back. The saved downloads' read is retried in every engine;
      // the chunk's own fetch where the engine re-fetches a failed module: the HTML spec says
      // so since whatwg/html#10327, Firefox and Safari do, Chromium is still to (issue
      // 534781954), and there a chunk that failed to arrive needs a reload.
      loading = null;
      throw error;
    });
  return loading;
}

/** A downloaded file, for the player to play (read from IndexedDB, in the module's chunk). */
export const readDownloadedFile = (key: string): Promise<Blob | undefined> =>
  loadDownloads().then((m) => m.readFile(key));
