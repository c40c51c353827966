import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { DownloadActionsProvider, type DownloadActions } from '../lib/download-actions';
import { usePms, type PmsAccess } from '../lib/plex-context';
import { network, whenNetworkReturns } from './network';
import { loadDownloads, useAvailability, useSetStatus } from './downloads-bridge';
import { useDownloadedCopy, useDownloadedSets } from './downloaded-sets';

/**
 * Wires downloads (features/downloads) to the current server and to the library's screens:
 * joins the tabs' downloading after the first paint (the tab that runs the queue fetches from
 * its current server) and provides DownloadActions.
 */
export function DownloadsHost({ children }: { children: ReactNode }) {
  const access = usePms();
  const accessRef = useRef<PmsAccess | null>(access);
  useEffect(() => {
    accessRef.current = access;
  }, [access]);

  useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    void loadDownloads().then((m) => {
      if (cancelled) return;
      // One tab of PlexM8 downloads for all (features/downloads/tab-group.ts).
      stop = m.startDownloads({
        sourceFor: (job) => {
          const current = accessRef.current;
          if (!current || current.serverId !== job.serverId) return null;
          return m.downloadSource(current.client, job);
        },
        isOnline: () => network.isUp(),
        whenOnline: whenNetworkReturns,
      });
    });
    return () => {
      cancelled = true;
      void stop?.();
    };
  }, []);

  const actions = useMemo<DownloadActions>(() => {
    /** Every download, set or single track, goes to the current server's queue this way. */
    const download: DownloadActions['download'] = (set, tracks) => {
      const serverId = accessRef.current?.serverId;
      if (!serverId) return;
      void loadDownloads().then((m) => {
        // Ask that the browser keep what we store (it may still say no).
        void navigator.storage?.persist?.();
        m.useDownloadsStore.getState().enqueue({ ...set, serverId }, tracks);
      });
    };
    return {
      download,
      downloadTrack: (track) =>
        download(
          {
            id: `track:${accessRef.current?.serverId ?? ''}:${track.id}`,
            kind: 'track',
            title: track.title,
          },
          [track],
        ),
      removeTrack: (track) =>
        void loadDownloads().then((m) => {
          const state = m.useDownloadsStore.getState();
          const key = m.keyOnDevice(state.onDevice, track, accessRef.current?.serverId);
          if (key) void state.removeJob(key);
        }),
      remove: (setId) =>
        void loadDownloads().then((m) => m.useDownloadsStore.getState().removeSet(setId)),
      sync: (setId, tracks) =>
        void loadDownloads().then((m) => m.useDownloadsStore.getState().sync(setId, tracks)),
      useSetStatus,
      useAvailability,
      useDownloadedCopy,
      useDownloadedSets,
    };
  }, []);
  return <DownloadActionsProvider value={actions}>{children}</DownloadActionsProvider>;
}
