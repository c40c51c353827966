import { idbGet, idbSet } from '../../lib/idb';

const KEY = 'client-id';

/**
 * Plex knows this browser by its client id: created once, kept across sign-outs, so the device
 * list on plex.tv shows one PlexM8 rather than a new one per sign-in.
 */
export async function getOrCreateClientId(): Promise<string> {
  const existing = await idbGet<unknown>(KEY);
  // Anything but a non-empty string is not an id we made: a new one, rather than send garbage.
  if (typeof existing === 'string' && existing !== '') return existing;
  const id = crypto.randomUUID();
  await idbSet(KEY, id);
  return id;
}
