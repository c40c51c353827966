import { useState } from 'react';
import './cover-art.css';

export type ArtworkUrl = (path: string, px: number) => string;

/**
 * Artwork at the size it is shown, 1× and 2× (the server resizes it), loaded lazily. A tinted
 * placeholder with the item's initial stands in when there is none or it fails.
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
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  const className = `cover${round ? ' cover-round' : ''}`;
  if (!path || !urlFor || failed) {
    return (
      <span className={`${className} cover-placeholder`} style={style} aria-hidden="true">
        {Array.from(label.trim())[0]?.toUpperCase() ?? '♪'}
      </span>
    );
  }
  const src = urlFor(path, size);
  return (
    <img
      className={className}
      style={style}
      src={src}
      srcSet={`${src} 1x, ${urlFor(path, size * 2)} 2x`}
      width={size}
      height={size}
      alt=""
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
