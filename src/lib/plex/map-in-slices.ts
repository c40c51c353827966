import { Slices } from '../yield-to-main';
import { mapItems } from './map-metadata';

/**
 * Items checked and mapped per slice: 200 tracks (valibot, and a URL parse for each file
 * address) are a few milliseconds even on a phone (decision 025 has the costs), and the time
 * budget below decides when to yield.
 */
const SLICE = 200;

/**
 * `mapItems` for a page of thousands, yielding to the main thread every few milliseconds: a page
 * of 2,000 tracks mapped at once was one long task while a big playlist opened
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
