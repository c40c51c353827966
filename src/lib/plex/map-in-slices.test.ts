import { describe, expect, it, vi } from 'vitest';
import { Slices } from '../yield-to-main';
import { mapItemsInSlices } from './map-in-slices';
import { mapItems } from './map-metadata';

/** A page as Plex sends it: tracks, a video now and then, and an item with no id. */
const page = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 97 === 0
      ? { type: 'movie', ratingKey: `${i}`, title: 'A film' }
      : i % 101 === 0
        ? { type: 'track', title: 'No id' }
        : {
            ratingKey: `${i}`,
            type: 'track',
            title: `Track ${i}`,
            grandparentTitle: 'Artist',
            playlistItemID: i + 1,
            Media: [{ Part: [{ id: i, key: `/library/parts/${i}/1/file.mp3` }] }],
          },
  );

describe('mapping a page of thousands in slices', () => {
  it('gives the same tracks, in the same order, and the same count of skipped items', async () => {
    const raw = page(2_000);
    expect(await mapItemsInSlices('track', raw)).toEqual(mapItems('track', raw));
  });

  it('hands the main thread back between slices of a 2,000-track page', async () => {
    // A budget of 0: every slice is due, so a page of 2,000 yields between each of its slices.
    const slices = new Slices(0);
    const pause = vi.spyOn(slices, 'pause');
    const mapped = await mapItemsInSlices('track', page(2_000), slices);
    expect(pause.mock.calls.length).toBeGreaterThanOrEqual(9);
    // 21 videos (every 97th) and 19 items with no id (every 101st) are left out.
    expect(mapped.items).toHaveLength(1_960);
  });

  it('maps a first page of 50 at once: nothing to wait for', async () => {
    const slices = new Slices(0);
    const pause = vi.spyOn(slices, 'pause');
    await mapItemsInSlices('track', page(50), slices);
    expect(pause).not.toHaveBeenCalled();
  });
});
