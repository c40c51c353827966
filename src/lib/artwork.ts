import { onlineManager } from '@tanstack/react-query';
import { forgetAtSignOut } from './account-memory';
import { ArtworkCache, type ArtworkState } from './artwork-cache';
import { ArtworkFailure, loadArtwork } from './artwork-loader';
import type { PmsClient } from './plex/pms-client';

/** Where a screen's artwork comes from: a token-free key, and a way to fetch the image. */
export interface ArtworkSource {
  /** Server + size + path: what the image is, never how to reach it (no token). */
  key(path: string, px: number): string;
  load(path: string, px: number, signal: AbortSignal): Promise<Blob>;
}

/** One cache for the whole app: every screen and the lock screen share its images. */
export const artworkCache = new ArtworkCache();

/** Servers whose artwork waits after a refusal, by machine id (clients come and go). */
const pauses = new Map<string, { until: number; networkBack: number }>();

/** Sign-out: drops every image held and revokes its blob: URL; fetches under way are aborted. */
export function forgetArtwork(): void {
  artworkCache.clear();
  pauses.clear();
}
forgetAtSignOut(forgetArtwork);

/**
 * After a server gave no readable answer for artwork (it refuses CORS, or it is gone), its covers
 * wait this long before another try: each failed fetch is a console line in DevTools with the
 * URL, token included (Chromium's own, docs/decisions/015), and a screen has dozens of covers.
 */
const REFUSED_PAUSE_MS = 60_000;

/** Bumped when the network comes back: pauses and failures from while it was gone end. */
let networkBack = 0;
onlineManager.subscribe((online) => {
  if (!online) return;
  networkBack += 1;
  artworkCache.forgetFailures();
});

const sources = new WeakMap<PmsClient, ArtworkSource>();

/** A server's artwork, one source per client (screens compare sources by identity). */
export function artworkSourceOf(client: PmsClient): ArtworkSource {
  let source = sources.get(client);
  if (!source) {
    source = createArtworkSource(client);
    sources.set(client, source);
  }
  return source;
}

/** Artwork of a server, resized by its transcoder, fetched with the server's token. */
export function createArtworkSource(
  client: Pick<PmsClient, 'machineId' | 'artworkUrl'>,
  now: () => number = () => performance.now(),
): ArtworkSource {
  return {
    key: (path, px) => `${client.machineId} ${px} ${path}`,
    load: async (path, px, signal) => {
      const pause = pauses.get(client.machineId);
      if (pause && now() < pause.until && pause.networkBack === networkBack)
        throw new ArtworkFailure(true);
      try {
        return await loadArtwork(client.artworkUrl(path, px), signal);
      } catch (error) {
        if (error instanceof ArtworkFailure && error.refused)
          pauses.set(client.machineId, { until: now() + REFUSED_PAUSE_MS, networkBack });
        throw error;
      }
    },
  };
}

/** Asks the shared cache for one image; the returned function lets it go. */
export function wantArtwork(
  source: ArtworkSource,
  path: string,
  px: number,
  listener: (state: ArtworkState) => void,
  urgent = false,
): () => void {
  return artworkCache.want(
    source.key(path, px),
    (signal) => source.load(path, px, signal),
    listener,
    urgent,
  );
}
