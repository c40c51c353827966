import { describe, expect, it, vi } from 'vitest';
import { useDownloadsStore } from './downloads-store';
import { loadDownloads } from './tab-group';

vi.mock('./stored-downloads', () => ({
  brokenRecords: () => ({ jobs: [], sets: [], regained: [] }),
  readStoredDownloads: async () => undefined,
}));

describe('loading downloads', () => {
  it('reads the saved settings once, however often the records are read again', async () => {
    const rehydrate = vi.spyOn(useDownloadsStore.persist, 'rehydrate');
    await loadDownloads();
    await loadDownloads();
    expect(rehydrate).toHaveBeenCalledTimes(1);
  });
});

describe('loading downloads from two places at once', () => {
  it('is one load: both callers resolve, and the settings are read once', async () => {
    // The host after paint and a screen's Download button can both ask before either is done.
    const read = vi.spyOn(useDownloadsStore.persist, 'rehydrate');
    read.mockClear();
    await expect(Promise.all([loadDownloads(), loadDownloads()])).resolves.toEqual([
      undefined,
      undefined,
    ]);
    expect(read.mock.calls.length).toBeLessThanOrEqual(1);
  });
});
