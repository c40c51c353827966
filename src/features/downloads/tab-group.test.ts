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
