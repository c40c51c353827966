import { afterEach, describe, expect, it, vi } from 'vitest';

const readSaved = vi.fn<() => Promise<void>>();
const saved = new Blob(['audio']);
vi.mock('./module', () => ({
  loadDownloads: () => readSaved(),
  readFile: (key: string) => Promise.resolve(key === 'track-1' ? saved : undefined),
}));

const { loadDownloads, readDownloadedFile } = await import('./load');

afterEach(() => readSaved.mockReset());

describe('loadDownloads', () => {
  it('tries again after a failed load instead of keeping the failure', async () => {
    readSaved.mockRejectedValueOnce(new Error('network'));
    await expect(loadDownloads()).rejects.toThrow('network');
    readSaved.mockResolvedValue(undefined);
    expect(await readDownloadedFile('track-1')).toBe(saved);
    expect(readSaved).toHaveBeenCalledTimes(2);
  });

  it('loads once for calls made together and after', async () => {
    readSaved.mockResolvedValue(undefined);
    await Promise.all([loadDownloads(), loadDownloads()]);
    await loadDownloads();
    // The first test's successful load is kept: nothing is read again.
    expect(readSaved).toHaveBeenCalledTimes(0);
  });
});
