import { artworkSourceOf, type ArtworkSource } from './artwork';
import { usePms } from './plex-context';

/** The current server's artwork, or null when there is no server. */
export function useArtwork(): ArtworkSource | null {
  const client = usePms()?.client;
  return client ? artworkSourceOf(client) : null;
}
