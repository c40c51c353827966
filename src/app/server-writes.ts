import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { PmsClient } from '../lib/plex/pms-client';
import type { PmsAccess } from '../lib/plex-context';
import { retryDelay, shouldRetry } from '../lib/retry-policy';
import type { SavedWrites } from '../lib/saved-writes';
import { writeKeys, type RateTrack, type RateUndo, type ScanSection } from '../lib/server-writes';

/** What the writes do is its own chunk, fetched after the first paint (first-load JS). */
const effects = () => import('./server-write-effects');

/**
 * Each kind of server write as the query client's mutation defaults (docs/decisions/024): a
 * write restored after a reload finds them by its key. They read the server when the write is
 * sent, never from the write itself (which holds no token).
 */
function registerServerWrites(
  queryClient: QueryClient,
  current: () => PmsAccess | null,
  onChange: (listener: () => void) => () => void,
): void {
  /**
   * The write's own server, once it is the connected one. Made for another server than the one
   * connected now (the user switched servers before it was sent), it waits for its own: sent
   * when the user is back on it, and kept on the device meanwhile (lib/saved-writes.ts).
   */
  const clientFor = async (v: { userId: number; serverId: string }): Promise<PmsClient> => {
    for (;;) {
      const access = current();
      if (access && access.serverId === v.serverId && access.userId === v.userId)
        return access.client;
      await new Promise<void>((resolve) => {
        const stop = onChange(() => {
          stop();
          resolve();
        });
      });
    }
  };
  const common = {
    // Network trouble and 429 are waited out (paused while offline); a refusal is final.
    retry: shouldRetry,
    retryDelay,
    networkMode: 'online' as const,
  };

  queryClient.setMutationDefaults<unknown, Error, RateTrack, RateUndo>(writeKeys.rate, {
    ...common,
    mutationFn: async (v) => (await effects()).sendRating(await clientFor(v), v),
    onMutate: async (v) => (await effects()).showRating(queryClient, v),
    onError: async (error, v, undo) => (await effects()).ratingRefused(queryClient, error, v, undo),
  });

  queryClient.setMutationDefaults<unknown, Error, ScanSection>(writeKeys.scan, {
    ...common,
    mutationFn: async (v) => (await clientFor(v)).refreshSection(v.sectionKey),
    onSuccess: async (_data, v) => (await effects()).scanStarted(queryClient, v),
  });
}

interface Writes {
  watching: SavedWrites;
  reshow: Parameters<SavedWrites['restore']>[1];
}

/**
 * Joins the writes to the current server: their functions are registered once per query client,
 * and the writes saved by an earlier visit are put back and sent when this server is connected.
 */
export function useServerWrites(access: PmsAccess | null): void {
  const queryClient = useQueryClient();
  const accessRef = useRef(access);
  const listeners = useRef(new Set<() => void>());
  const writes = useRef<Promise<Writes | null> | null>(null);
  useEffect(() => {
    accessRef.current = access;
    for (const listener of [...listeners.current]) listener();
  }, [access]);

  useEffect(() => {
    const changes = listeners.current;
    registerServerWrites(
      queryClient,
      () => accessRef.current,
      (listener) => {
        changes.add(listener);
        return () => changes.delete(listener);
      },
    );
    let stopped = false;
    const ready = effects().then((m) => {
      if (stopped) return null;
      return {
        watching: m.watchSavedWrites(queryClient),
        reshow: (kind: Parameters<Writes['reshow']>[0], v: unknown) =>
          m.reshow(queryClient, kind, v),
      };
    });
    writes.current = ready;
    return () => {
      stopped = true;
      void ready.then((w) => w?.watching.stop());
      writes.current = null;
    };
  }, [queryClient]);

  const userId = access?.userId;
  const serverId = access?.serverId;
  useEffect(() => {
    if (userId === undefined || serverId === undefined) return;
    void writes.current?.then((w) => w?.watching.restore({ userId, serverId }, w.reshow));
  }, [queryClient, userId, serverId]);
}
