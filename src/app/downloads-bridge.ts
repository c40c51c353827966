import { useMemo, useSyncExternalStore } from 'react';
import type { Track } from '../domain';
import { loadDownloadsModule, type DownloadsState } from '../features/downloads';
import { useServersStore } from '../features/servers/servers-store';
import type { Availability, DownloadSetStatus } from '../lib/download-actions';
import { useOnline } from '../lib/use-online';

type DownloadsModule = Awaited<ReturnType<typeof loadDownloadsModule>>;

/**
 * The downloads module arrives after the first paint (first-load JS budget). Until then the
 * screens see "nothing downloaded"; hooks subscribe to its store once it is there.
 */
let mod: DownloadsModule | null = null;
const waiting = new Set<() => void>();
let loading: Promise<DownloadsModule> | null = null;

export function loadDownloads(): Promise<DownloadsModule> {
  loading ??= loadDownloadsModule().then(async (m) => {
    await m.loadDownloads();
    mod = m;
    for (const wake of waiting) wake();
    waiting.clear();
    return m;
  });
  return loading;
}

export const downloadsModule = () => mod;

function subscribe(onChange: () => void): () => void {
  let unsubscribe: () => void = () => undefined;
  const attach = () => {
    if (!mod) return;
    unsubscribe = mod.useDownloadsStore.subscribe(onChange);
    onChange();
  };
  if (mod) attach();
  else waiting.add(attach);
  return () => {
    waiting.delete(attach);
    unsubscribe();
  };
}

export function useDownloadsSelector<T>(select: (s: DownloadsState) => T, fallback: T): T {
  return useSyncExternalStore(
    subscribe,
    () => (mod ? select(mod.useDownloadsStore.getState()) : fallback),
    () => fallback,
  );
}

export function useSetStatus(setId: string): DownloadSetStatus | null {
  const set = useDownloadsSelector((s) => s.sets[setId], undefined);
  // Counts kept as jobs change: nothing here walks a 20,000-track set per progress report.
  const count = useDownloadsSelector((s) => s.setCounts[setId], undefined);
  return useMemo(() => (mod && set ? mod.setStatusOf(set, count) : null), [set, count]);
}

/** For the lists on screen, which are the selected server's: only its own copies count. */
export function useAvailability(): (track: Track) => Availability {
  // `onDevice` is changed in place as files finish; its revision says when (job-state.ts).
  const onDeviceRev = useDownloadsSelector((s) => s.onDeviceRev, -1);
  const serverId = useServersStore((s) => s.selectedId);
  const online = useOnline();
  return useMemo(
    () => (track: Track) => {
      const onDevice = mod?.useDownloadsStore.getState().onDevice;
      if (onDevice && mod?.keyOnDevice(onDevice, track, serverId)) return 'downloaded';
      return online ? 'stream' : 'unavailable';
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- onDeviceRev stands for onDevice
    [onDeviceRev, serverId, online],
  );
}
