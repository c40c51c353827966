import type { ComponentType } from 'react';
import type { ListOrigin, Track } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';

/**
 * What the library's screens need of the player and of downloads, declared here and handed in by
 * the route that shows them (app/routes/*-route.tsx): the library imports neither feature
 * (docs/architecture.md "The rooms", decision 030).
 */

/** Whether a track can play now: from a copy on the device, streamed, or not at all (offline). */
export type Availability = 'downloaded' | 'stream' | 'unavailable';

/** What a list of tracks, and each of its rows, can ask for. */
export interface TrackListActions {
  play(tracks: readonly Track[], index: number, origin?: ListOrigin): void;
  /** The mouse went down on a track: the player may start fetching it before the click. */
  prepare(track: Track): void;
  playNext(tracks: readonly Track[]): void;
  addToQueue(tracks: readonly Track[]): void;
  /** The track playing now, to mark it in lists. */
  useCurrentTrackId(): string | null;
  /** One track on its own (a row's menu). */
  downloadTrack(track: Track): void;
  /** Deletes a track's copy, whichever playlists or albums brought it. */
  removeTrack(track: Track): void;
  /** A function that changes when downloads or the network change, so lists re-render. */
  useAvailability(): (track: Track) => Availability;
}

interface DownloadSetStatus {
  done: number;
  total: number;
  failed: number;
  /** Every track is on the device. */
  complete: boolean;
}

/** A playlist or album as a download knows it. */
interface DownloadSetInfo {
  id: string;
  kind: 'playlist' | 'album';
  title: string;
}

/** A downloaded set as its own records know it, for when Plex's data about it isn't here. */
interface DownloadedCopy {
  title: string;
  /** The set's tracks in its order, as they were when downloaded. */
  tracks: readonly Track[];
}

/** A playlist's or album's download: its button, and its copy on the device. */
export interface SetDownloads {
  /** Download, see how far it got, remove. */
  Button: ComponentType<{ set: DownloadSetInfo; tracks: readonly Track[]; ready: boolean }>;
  /** The set's downloaded copy, read only while `needed` (it walks every track of the set). */
  useDownloadedCopy(setId: string, needed: boolean): DownloadedCopy | null;
  /** A downloaded playlist was refreshed whole: fetch the tracks added since (if so set). */
  sync(setId: string, tracks: readonly Track[]): void;
}

/** What the playlists screen shows of downloads, for one server. */
export interface PlaylistsDownloads {
  setIdOf(playlistId: string): string;
  useSetStatus(setId: string): DownloadSetStatus | null;
  /** The playlists downloaded from the server, while `needed` (Plex's list isn't here). */
  useDownloadedPlaylists(needed: boolean): readonly { id: string; setId: string; title: string }[];
}

/** What a playlist's or an album's screen is handed by its route. */
export interface SetViewProps {
  access: PmsAccess;
  id: string;
  /** The download set of this playlist or album. */
  setId: string;
  actions: TrackListActions;
  downloads: SetDownloads;
}
