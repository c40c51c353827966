import { useCallback, useEffect, useState } from 'react';
import { artworkCache, wantArtwork, type ArtworkSource } from './artwork';
import type { ArtworkState } from './artwork-cache';
import { watchNearViewport } from './near-viewport';
import { useOnline } from './use-online';

export type ArtworkShown = { url: string } | 'pending' | 'placeholder';

/** 2× on high-density screens (phones are 2–3×: 2× is sharp there and a third of 3×'s bytes). */
function pixelsFor(size: number): number {
  const density = typeof window === 'undefined' ? 1 : window.devicePixelRatio;
  return Math.round(size * (density > 1 ? 2 : 1));
}

/**
 * One cover for a component: fetched once it comes near the screen (at once when `eager`),
 * held while shown, let go when the component goes. Offline, a cover not already in memory is
 * the placeholder, as a failed one is.
 */
export function useArtworkImage(
  source: ArtworkSource | null,
  path: string | undefined,
  size: number,
  eager: boolean,
): { ref: (element: Element | null) => (() => void) | undefined; shown: ArtworkShown } {
  const px = pixelsFor(size);
  const key = source && path ? source.key(path, px) : null;
  const online = useOnline();
  const [near, setNear] = useState(false);
  const [seen, setSeen] = useState<{ key: string | null; state?: ArtworkState }>({ key: null });
  const state = seen.key === key ? seen.state : key ? artworkCache.peek(key) : undefined;
  const ready = state?.status === 'ready';
  const hold = key !== null && (ready || (online && (near || eager)));

  useEffect(() => {
    if (!hold || !source || !path || key === null) return;
    return wantArtwork(
      source,
      path,
      px,
      (next) =>
        setSeen((prev) => (prev.key === key && prev.state === next ? prev : { key, state: next })),
      eager,
    );
  }, [hold, key, source, path, px, eager]);

  const ref = useCallback(
    (element: Element | null) =>
      element && !eager ? watchNearViewport(element, setNear) : undefined,
    [eager, setNear],
  );

  let shown: ArtworkShown = 'pending';
  if (state?.status === 'ready') shown = { url: state.url };
  else if (key === null || state?.status === 'failed' || !online) shown = 'placeholder';
  return { ref, shown };
}
