import { create } from 'zustand';
import * as v from 'valibot';
import { idbRead, idbSet } from '../../lib/idb';
import { pacedHook } from './screen-pacing';

/**
 * The playback position changes four times a second: its own small store, so only the components
 * that show it re-render, saved at most every few seconds (and on pause) so a reopened app
 * resumes where it stopped.
 */
export interface PositionState {
  uid: string | null;
  positionMs: number;
  durationMs: number;
  setPosition(uid: string | null, positionMs: number, durationMs: number): void;
}

export const usePositionStore = create<PositionState>()((set) => ({
  uid: null,
  positionMs: 0,
  durationMs: 0,
  setPosition: (uid, positionMs, durationMs) => set({ uid, positionMs, durationMs }),
}));

/** How components read the position (held with the player's state while a tap's track starts). */
export const usePositionView = pacedHook(usePositionStore);

const KEY = 'player-position';
const SAVE_EVERY_MS = 5_000;
let lastSaved = 0;

export interface SavedPosition {
  uid: string;
  positionMs: number;
}

export function savePosition(force = false): void {
  const { uid, positionMs } = usePositionStore.getState();
  if (!uid) return;
  const now = Date.now();
  if (!force && now - lastSaved < SAVE_EVERY_MS) return;
  lastSaved = now;
  void idbSet(KEY, { uid, positionMs } satisfies SavedPosition);
}

const savedPosition: v.GenericSchema<unknown, SavedPosition> = v.object({
  uid: v.string(),
  positionMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
});

export function loadPosition(): Promise<SavedPosition | undefined> {
  return idbRead(KEY, savedPosition);
}
