import { createContext, useContext, type ReactNode } from 'react';
import type { Track } from '../domain';

/** Whether a track can play now: from a copy on the device, streamed, or not at all (offline). */
export type Availability = 'downloaded' | 'stream' | 'unavailable';

export interface DownloadSetStatus {
  done: number;
  total: number;
  failed: number;
  /** Every track is on the device. */
  complete: boolean;
}

export interface DownloadSetInfo {
  id: string;
  kind: 'playlist' | 'album' | 'track';
  title: string;
}

/**
 * What the library's screens can ask of downloads without importing them: app/ provides it
 * (architecture.md: features don't import each other), as it does TrackActions.
 */
export interface DownloadActions {
  download(set: DownloadSetInfo, tracks: readonly Track[]): void;
  remove(setId: string): void;
  /** One track on its own (a row's menu). */
  downloadTrack(track: Track): void;
  /** Deletes a track's copy, whichever playlists or albums brought it. */
  removeTrack(track: Track): void;
  /** A downloaded playlist was refreshed: fetch the tracks added since (if the setting says so). */
  sync(setId: string, tracks: readonly Track[]): void;
  useSetStatus(setId: string): DownloadSetStatus | null;
  /** A function that changes when downloads or the network change, so lists re-render. */
  useAvailability(): (track: Track) => Availability;
}

const none: DownloadActions = {
  download: () => undefined,
  remove: () => undefined,
  downloadTrack: () => undefined,
  removeTrack: () => undefined,
  sync: () => undefined,
  useSetStatus: () => null,
  useAvailability: () => () => 'stream',
};

const Context = createContext<DownloadActions>(none);

export function DownloadActionsProvider({
  value,
  children,
}: {
  value: DownloadActions;
  children: ReactNode;
}) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useDownloadActions(): DownloadActions {
  return useContext(Context);
}
