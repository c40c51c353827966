import { Slices } from '../yield-to-main';
import { mapItems } from './map-metadata';

/**
 * Items checked and mapped per slice. A track costs 10–20 µs to validate and map on a desktop
 * core (valibot, and a URL parse for its file address), several times that on a phone: 200 is
 * a few milliseconds, and the time budget below decides when to yield.
 */
const SLICE = 200;

/**
 * `mapItems` for a page of thousands, yielding to the main thread every few milliseconds: a page
 * of 2,000 tracks mapped at once was one task of 60–150 ms while a big playlist opened
 * (docs/decisions/025). The same items, in the same order, as `mapItems` gives.
 */
export async function mapItemsInSlices<K extends Parameters<typeof mapItems>[0]>(
  kind: K,
  rawItems: unknown[],
  slices = new Slices(),
): Promise<ReturnType<typeof mapItems<K>>> {
  if (rawItems.length <= SLICE) return mapItems(kind, rawItems);
  const items: ReturnType<typeof mapItems<K>>['items'] = [];
  let skipped = 0;
  for (let from = 0; from < rawItems.length; from += SLICE) {
    if (slices.due()) await slices.pause();
    const part = mapItems(kind, rawItems.slice(from, from + SLICE));
    for (const item of part.items) items.push(item);
    skipped += part.skipped;
  }
  return { items, skipped };
}
