import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { DownloadActionsProvider, type DownloadActions } from '../lib/download-actions';
import { isPlexError } from '../lib/plex';
import { usePms, type PmsAccess } from '../lib/plex-context';
import { browserCanPlay } from '../features/player';
import type { Track } from '../domain';
import { loadDownloads, useAvailability, useSetStatus } from './downloads-bridge';

/** Whether this browser plays the track's original file (downloads of others come as MP3). */
const playableHere = (track: Track) =>
  browserCanPlay(track, (mime) =>
    typeof Audio === 'undefined' ? 'maybe' : new Audio().canPlayType(mime),
  );

/**
 * Wires downloads (features/downloads) to the current server and to the library's screens:
 * starts the queue runner after the first paint and provides DownloadActions.
 */
export function DownloadsHost({ children }: { children: ReactNode }) {
  const access = usePms();
  const accessRef = useRef<PmsAccess | null>(access);
  useEffect(() => {
    accessRef.current = access;
  }, [access]);

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void loadDownloads().then((m) => {
      if (cancelled) return;
      stop = m.startDownloadRunner({
        sourceFor: async (job) => {
          const current = accessRef.current;
          if (!current || current.serverId !== job.serverId || !job.track.media) return null;
          const { playback } = current.client;
          if (job.quality === 'original')
            return { url: playback.partUrl(job.track.media.partKey), transcoded: false };
          // The transcoder as servers require: a decision for a fresh session, then the stream.
          const request = {
            trackId: job.track.id,
            kbps: Number(job.quality),
            session: crypto.randomUUID(),
          };
          const stop = () => void playback.stopTranscode(request.session).catch(() => undefined);
          try {
            await playback.transcodeDecision(request);
          } catch (error) {
            stop();
            if (isPlexError(error) && ['unreachable', 'offline', 'timeout'].includes(error.kind))
              throw new TypeError('the connection dropped', { cause: error });
            throw new m.SourceRefused("the server wouldn't convert it", { cause: error });
          }
          return { url: playback.transcodeUrl(request), transcoded: true, done: stop };
        },
        isOnline: () => navigator.onLine,
      });
    });
    return () => {
      cancelled = true;
      stop?.();
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
        m.useDownloadsStore.getState().enqueue({ ...set, serverId }, tracks, playableHere);
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
          const key = m.keyOnDevice(state.onDevice, track);
          if (key) void state.removeJob(key);
        }),
      remove: (setId) =>
        void loadDownloads().then((m) => m.useDownloadsStore.getState().removeSet(setId)),
      sync: (setId, tracks) =>
        void loadDownloads().then((m) =>
          m.useDownloadsStore.getState().sync(setId, tracks, playableHere),
        ),
      useSetStatus,
      useAvailability,
    };
  }, []);
  return <DownloadActionsProvider value={actions}>{children}</DownloadActionsProvider>;
}
