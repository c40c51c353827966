import { useCallback } from 'react';
import { usePms } from './plex-context';
import type { ArtworkUrl } from '../ui/cover-art';

/** Builds artwork URLs for the current server, or null when there is none. */
export function useArtwork(): ArtworkUrl | null {
  const access = usePms();
  const client = access?.client;
  const urlFor = useCallback(
    (path: string, px: number) => client?.artworkUrl(path, px) ?? '',
    [client],
  );
  return client ? urlFor : null;
}
