/**
 * Raster types only. A blob: URL belongs to PlexM8's origin: an SVG opened from one ("Open image
 * in new tab") would run its scripts as PlexM8, next to the stored token. Plex's photo
 * transcoder answers JPEG (PNG when asked), so nothing real is lost.
 */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);
/** Far above any cover the transcoder sends at the sizes asked for. */
const MAX_BYTES = 8 * 1024 * 1024;

/**
 * One image, kept out of the HTTP cache (its URL carries the token) and sent without cookies or
 * a Referer. Errors never quote the URL.
 */
export async function fetchImage(
  url: string,
  signal: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<Blob> {
  const response = await fetchImpl(url, {
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    mode: 'cors',
    signal,
  });
  if (!response.ok) throw new Error(`the server answered ${response.status} for artwork`);
  const type = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (!type || !IMAGE_TYPES.has(type))
    throw new Error('the server sent artwork PlexM8 does not show');
  if (Number(response.headers.get('Content-Length')) > MAX_BYTES)
    throw new Error('the artwork is too large');
  const blob = await response.blob();
  if (blob.size > MAX_BYTES) throw new Error('the artwork is too large');
  // The type checked above, not whatever the body claims.
  return blob.slice(0, blob.size, type);
}
