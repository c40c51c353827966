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
 * A downloaded set as its own records know it: enough to list and play it when Plex's data about
 * it isn't on the device (the cached copy expired, or a new version couldn't read the old one).
 */
export interface DownloadedCopy extends DownloadSetInfo {
  /** The set's tracks in its order, as they were when downloaded. */
  tracks: readonly Track[];
}

/**
 * What the library's screens can ask of downloads without importing them: app/ provides it
 * (docs/architecture.md: features don't import each other), as it does TrackActions.
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
  /** The set's downloaded copy, read only while `needed` (it walks every track of the set). */
  useDownloadedCopy(setId: string, needed: boolean): DownloadedCopy | null;
  /** The sets of one kind downloaded from a server, while `needed`. */
  useDownloadedSets(
    kind: DownloadSetInfo['kind'],
    serverId: string,
    needed: boolean,
  ): readonly DownloadSetInfo[];
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
  useDownloadedCopy: () => null,
  useDownloadedSets: () => [],
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
