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
      // A failed chunk fetch (offline after a deploy, a flaky link) is asked again next time,
      // so Download and sign-out's wipe work once the network is back, without a reload.
      loading = null;
      throw error;
    });
  return loading;
}

/** A downloaded file, for the player to play (read from IndexedDB, in the module's chunk). */
export const readDownloadedFile = (key: string): Promise<Blob | undefined> =>
  loadDownloads().then((m) => m.readFile(key));
