import { createContext, useContext, type ReactNode } from 'react';
import type { ListOrigin, Track } from '../domain';

/**
 * What a list of tracks can ask of the player, without the library importing the player: app/
 * provides the implementation (docs/architecture.md: features don't import each other).
 */
export type TrackListOrigin = ListOrigin;

export interface TrackActions {
  play(tracks: readonly Track[], index: number, origin?: TrackListOrigin): void;
  /** The mouse went down on a track: the player may start fetching it before the click. */
  prepare(track: Track): void;
  playNext(tracks: readonly Track[]): void;
  addToQueue(tracks: readonly Track[]): void;
  /** The track playing now, to mark it in lists. */
  useCurrentTrackId(): string | null;
}

const none: TrackActions = {
  play: () => undefined,
  prepare: () => undefined,
  playNext: () => undefined,
  addToQueue: () => undefined,
  useCurrentTrackId: () => null,
};

const Context = createContext<TrackActions>(none);

export function TrackActionsProvider({
  value,
  children,
}: {
  value: TrackActions;
  children: ReactNode;
}) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useTrackActions(): TrackActions {
  return useContext(Context);
}
