import type { PlexPin } from '../../domain';
import { idbDel, idbGet, idbSet } from '../../lib/idb';

/** A PIN waiting for approval: it must survive the trip to app.plex.tv and back. */
export interface PendingPin {
  id: number;
  code: string;
  expiresAt: number;
}

const KEY = 'pending-pins';
/** Two tabs may each start a sign-in: keep every live PIN, so either approval finishes it. */
const MAX_PENDING = 5;

function live(pins: PendingPin[] | undefined, now = Date.now()): PendingPin[] {
  return (pins ?? []).filter((p) => p.expiresAt > now);
}

export async function savePendingPin(pin: PlexPin): Promise<void> {
  const pins = live(await idbGet<PendingPin[]>(KEY));
  pins.unshift({ id: pin.id, code: pin.code, expiresAt: pin.expiresAt });
  await idbSet(KEY, pins.slice(0, MAX_PENDING));
}

/** Newest first. `hadExpired` tells a PIN that ran out apart from no sign-in at all. */
export async function loadPendingPins(): Promise<{ pins: PendingPin[]; hadExpired: boolean }> {
  const stored = (await idbGet<PendingPin[]>(KEY)) ?? [];
  const pins = live(stored);
  if (pins.length !== stored.length) await idbSet(KEY, pins);
  return { pins, hadExpired: stored.length > pins.length };
}

export async function forgetPendingPin(id: number): Promise<void> {
  const pins = ((await idbGet<PendingPin[]>(KEY)) ?? []).filter((p) => p.id !== id);
  await idbSet(KEY, pins);
}

export const clearPendingPins = () => idbDel(KEY);
