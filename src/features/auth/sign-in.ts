import type { PlexUser } from '../../domain';
import { isPlexError } from '../../lib/plex/errors';
import type { PlexTvClient } from '../../lib/plex/plex-tv-client';
import { describeError } from '../../ui/plex-error-text';
import { clearPendingPins, forgetPendingPin, loadPendingPins, savePendingPin } from './pending-pin';

export type SignInResult =
  | { status: 'signed-in'; token: string; user: PlexUser }
  | { status: 'not-approved' }
  | { status: 'expired' }
  | { status: 'no-pending' }
  | { status: 'error'; message: string };

/** Creates a PIN, remembers it, and returns the app.plex.tv URL to send the user to. */
export async function beginSignIn(plexTv: PlexTvClient, forwardUrl: string): Promise<string> {
  const pin = await plexTv.createPin();
  await savePendingPin(pin);
  return plexTv.authUrl(pin, forwardUrl);
}

/**
 * After app.plex.tv sends the user back (or on a later start with a PIN still pending): asks
 * plex.tv whether a remembered PIN was claimed, and if so checks the token it carries.
 */
export async function completeSignIn(plexTv: PlexTvClient): Promise<SignInResult> {
  const { pins, hadExpired } = await loadPendingPins();
  if (pins.length === 0) return hadExpired ? { status: 'expired' } : { status: 'no-pending' };
  let anyAlive = false;
  for (const pending of pins) {
    try {
      const pin = await plexTv.checkPin(pending.id);
      anyAlive = true;
      if (!pin.authToken) continue;
      const user = await plexTv.getUser(pin.authToken);
      await clearPendingPins();
      return { status: 'signed-in', token: pin.authToken, user };
    } catch (error) {
      if (isPlexError(error, 'not-found')) {
        await forgetPendingPin(pending.id);
        continue;
      }
      return { status: 'error', message: describeError(error) };
    }
  }
  return anyAlive ? { status: 'not-approved' } : { status: 'expired' };
}

export { clearPendingPins, loadPendingPins };
