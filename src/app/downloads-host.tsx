import { useEffect, useRef, type ReactNode } from 'react';
import { loadDownloads } from '../features/downloads';
import { loadPlayerRuntime } from '../features/player';
import { usePms, type PmsAccess } from '../lib/plex-context';
import { network, whenNetworkReturns } from './network';

/** Straight from its file: the Plex client's playback calls (the player's runtime has them). */
const plexPlayback = () => import('../lib/plex/playback');

/**
 * Wires downloads (features/downloads) to the current server: joins the tabs' downloading after
 * the first paint (the tab that runs the queue fetches from its current server, at the URL the
 * player's rule gives). The screens get downloads' parts from their routes (routes/*-route.tsx).
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
    let unwatch: (() => void) | null = null;
    const start = () =>
      loadDownloads().then(
        (m) => {
          if (cancelled) return;
          // One tab of PlexM8 downloads for all (features/downloads/tab-group.ts).
          stop = m.startDownloads({
            sourceFor: async (job) => {
              const current = accessRef.current;
              if (!current || current.serverId !== job.serverId) return null;
              // The player's rule for a download's URL, beside its own for streaming: its
              // runtime is there by the time a download starts (both load after the first paint).
              const [{ downloadFrom }, { playbackOf }] = await Promise.all([
                loadPlayerRuntime(),
                plexPlayback(),
              ]);
              const server = playbackOf(current.client);
              return m.sourceOf(await downloadFrom(job.track, job.quality, server));
            },
            isOnline: () => network.isUp(),
            whenOnline: whenNetworkReturns,
          });
        },
        () => {
          // The module's code could not be fetched (offline before the service worker had saved
          // the app): asked again when the network is back, so queued downloads run without a
          // reload.
          if (cancelled) return;
          unwatch = whenNetworkReturns(() => {
            unwatch?.();
            unwatch = null;
            void start();
          });
        },
      );
    void start();
    return () => {
      cancelled = true;
      unwatch?.();
      void stop?.();
    };
  }, []);

  return <>{children}</>;
}
