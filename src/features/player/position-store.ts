import { create } from 'zustand';
import * as v from 'valibot';
import { idbDel, idbRead } from '../../lib/idb';
import { storageName } from '../../lib/storage-names';
import { writesAllowed } from '../../lib/write-gate';
import { pacedHook } from './screen-pacing';

/**
 * The playback position changes four times a second: its own small store, so only the components
 * that show it re-render, saved at most every few seconds (and on pause and pagehide) so a
 * reopened app resumes where it stopped.
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

/**
 * localStorage, not IndexedDB: the write is synchronous, so a position saved on pause or in
 * `pagehide` is on disk before the page goes. An IndexedDB write begun there can be dropped with
 * the page (a pause followed at once by a reload came back at 0 s in Chromium).
 */
const key = () => storageName('player-position');
/** Where builds before decision 013 kept it (IndexedDB): read once, then moved. */
const OLD_IDB_KEY = 'player-position';
const SAVE_EVERY_MS = 5_000;
let lastSaved = -Infinity;

export interface SavedPosition {
  uid: string;
  positionMs: number;
}

export function savePosition(force = false): void {
  const { uid, positionMs } = usePositionStore.getState();
  if (!uid || !writesAllowed()) return;
  const now = performance.now();
  if (!force && now - lastSaved < SAVE_EVERY_MS) return;
  lastSaved = now;
  try {
    localStorage.setItem(key(), JSON.stringify({ uid, positionMs } satisfies SavedPosition));
  } catch {
    // Storage refused (private mode, full): the queue still resumes, from the track's start.
  }
}

const savedPosition: v.GenericSchema<unknown, SavedPosition> = v.object({
  uid: v.string(),
  positionMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
});

function readStored(): unknown {
  try {
    const raw = localStorage.getItem(key());
    return raw === null ? undefined : (JSON.parse(raw) as unknown);
  } catch {
    return undefined;
  }
}

export async function loadPosition(): Promise<SavedPosition | undefined> {
  const parsed = v.safeParse(savedPosition, readStored());
  if (parsed.success) return parsed.output;
  const old = await idbRead(OLD_IDB_KEY, savedPosition);
  if (old) {
    usePositionStore.setState({ uid: old.uid, positionMs: old.positionMs });
    savePosition(true);
    await idbDel(OLD_IDB_KEY);
  }
  return old;
}

/** Sign-out: the place in a signed-out account's queue goes with it. */
export async function forgetPosition(): Promise<void> {
  try {
    localStorage.removeItem(key());
  } catch {
    // Nothing could have been stored.
  }
  await idbDel(OLD_IDB_KEY);
}
