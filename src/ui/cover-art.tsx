import { useState } from 'react';
import type { ArtworkSource } from '../lib/artwork';
import { useArtworkImage } from '../lib/use-artwork-image';
import './cover-art.css';

/** Screens pass the current server's artwork along by this name. */
export type ArtworkUrl = ArtworkSource;

/**
 * Artwork at the size it is shown (1× or 2× for the screen's density; the server resizes it),
 * loaded when near the screen and shown from memory through a blob: URL, never from a URL with
 * the token (docs/decisions/015). A tinted placeholder with the item's initial stands in when
 * there is none, it fails, or it isn't in memory while offline.
 */
export function CoverArt({
  path,
  size,
  urlFor,
  label,
  round = false,
  eager = false,
}: {
  path: string | undefined;
  size: number;
  urlFor: ArtworkUrl | null;
  /** Whose artwork this is: used for the placeholder's initial, not as alt text (decorative). */
  label: string;
  round?: boolean;
  eager?: boolean;
}) {
  const { ref, shown } = useArtworkImage(urlFor, path, size, eager);
  const [broken, setBroken] = useState<string | null>(null);
  // The image shown last stays while the next one loads (a track change in the player), as an
  // <img> whose src changes keeps its picture until the new one arrives.
  const [last, setLast] = useState<string | null>(null);
  if (typeof shown === 'object' && shown.url !== last) setLast(shown.url);
  const style = { width: size, height: size };
  const className = `cover${round ? ' cover-round' : ''}`;
  const url = typeof shown === 'object' ? shown.url : shown === 'pending' ? last : null;
  if (shown === 'placeholder' || (url !== null && url === broken)) {
    return (
      <span className={`${className} cover-placeholder`} style={style} aria-hidden="true">
        {Array.from(label.trim())[0]?.toUpperCase() ?? '♪'}
      </span>
    );
  }
  if (url === null) {
    return <span ref={ref} className={className} style={style} aria-hidden="true" />;
  }
  return (
    <img
      // Still watched while it shows an older image: the new one is fetched once near the screen.
      ref={shown === 'pending' ? ref : undefined}
      className={className}
      style={style}
      src={url}
      width={size}
      height={size}
      alt=""
      decoding="async"
      onError={() => setBroken(url)}
    />
  );
}
