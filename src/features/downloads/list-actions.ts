import type { Track } from '../../domain';
import { keyOnDevice, useDownloadsStore } from './downloads-store';
import type { DownloadSetInfo } from './list-hooks';
import { loadDownloads } from './load';
import { trackSetId } from './set-ids';

/**
 * What a screen may ask of downloads. Each waits for the downloads module (load.ts), so the
 * saved downloads have been read first; the store itself is already here.
 */

/** Every download, set or single track, goes to `serverId`'s queue this way. */
export function download(set: DownloadSetInfo, tracks: readonly Track[], serverId: string | null) {
  if (!serverId) return;
  void loadDownloads().then(() => {
    // Ask that the browser keep what we store (it may still say no).
    void navigator.storage?.persist?.();
    useDownloadsStore.getState().enqueue({ ...set, serverId }, tracks);
  });
}

export function removeDownload(setId: string) {
  void loadDownloads().then(() => useDownloadsStore.getState().removeSet(setId));
}

/** One track on its own (a row's menu). */
export function downloadTrack(track: Track, serverId: string | null) {
  const id = trackSetId(serverId ?? '', track.id);
  download({ id, kind: 'track', title: track.title }, [track], serverId);
}

/** Deletes a track's copy from `serverId`, whichever playlists or albums brought it. */
export function removeTrack(track: Track, serverId: string | null) {
  void loadDownloads().then(() => {
    const state = useDownloadsStore.getState();
    const key = keyOnDevice(state.onDevice, track, serverId);
    if (key) void state.removeJob(key);
  });
}

/** A downloaded playlist was refreshed: fetch the tracks added since (if the setting says so). */
export function syncDownload(setId: string, tracks: readonly Track[]) {
  void loadDownloads().then(() => useDownloadsStore.getState().sync(setId, tracks));
}
