import * as v from 'valibot';
import type { PlexPin } from '../../domain';
import { idbDel, idbRead, idbSet } from '../../lib/idb';

/**
 * A PIN waiting for approval: it must survive the trip to app.plex.tv and back, so its clock is
 * the wall clock (performance.now() starts again with each page). Its life is counted from when
 * this device got it, on this device's clock, whatever time plex.tv's clock says.
 */
export interface PendingPin {
  id: number;
  code: string;
  /** This device's Date.now() when plex.tv created the PIN. */
  createdAt: number;
  /** Seconds plex.tv gave it then. */
  expiresIn: number;
}

const pendingSchema = v.object({
  id: v.number(),
  code: v.string(),
  createdAt: v.number(),
  expiresIn: v.number(),
});

const KEY = 'pending-pins';
/** Two tabs may each start a sign-in: keep every live PIN, so either approval finishes it. */
const MAX_PENDING = 5;

/**
 * Live until its seconds are up. A clock set back since (now before createdAt) can't say: the PIN
 * is kept, and plex.tv's 404 settles it.
 */
function live(pins: PendingPin[], now = Date.now()): PendingPin[] {
  return pins.filter((p) => now - p.createdAt < p.expiresIn * 1000);
}

/** How builds before issue 14 kept one: when it runs out, on this device's clock. */
const olderSchema = v.object({ id: v.number(), code: v.string(), expiresAt: v.number() });
/** plex.tv gives a PIN 15 minutes or so: an older entry claiming more is not believed. */
const LONGEST_PIN_S = 30 * 60;

/**
 * What is stored, read through its schema. An older build's entry (a sign-in under way while the
 * app updated) becomes one that lives as long as it had left; anything else is dropped.
 */
async function stored(): Promise<PendingPin[]> {
  const entries = (await idbRead(KEY, v.array(v.unknown()))) ?? [];
  const now = Date.now();
  return entries.flatMap((entry) => {
    const parsed = v.safeParse(pendingSchema, entry);
    if (parsed.success) return [parsed.output];
    const older = v.safeParse(olderSchema, entry);
    if (!older.success) return [];
    const left = Math.min(LONGEST_PIN_S, Math.max(0, (older.output.expiresAt - now) / 1000));
    return [{ id: older.output.id, code: older.output.code, createdAt: now, expiresIn: left }];
  });
}

export async function savePendingPin(pin: PlexPin): Promise<void> {
  const pins = live(await stored());
  pins.unshift({ id: pin.id, code: pin.code, createdAt: pin.receivedAt, expiresIn: pin.expiresIn });
  await idbSet(KEY, pins.slice(0, MAX_PENDING));
}

/** Newest first. `hadExpired` tells a PIN that ran out apart from no sign-in at all. */
export async function loadPendingPins(): Promise<{ pins: PendingPin[]; hadExpired: boolean }> {
  const all = await stored();
  const pins = live(all);
  if (pins.length !== all.length) await idbSet(KEY, pins);
  return { pins, hadExpired: all.length > pins.length };
}

export async function forgetPendingPin(id: number): Promise<void> {
  const pins = (await stored()).filter((p) => p.id !== id);
  await idbSet(KEY, pins);
}

export const clearPendingPins = () => idbDel(KEY);
