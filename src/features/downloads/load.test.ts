import { beforeEach, describe, expect, it, vi } from 'vitest';

const readSaved = vi.fn<() => Promise<void>>();
const saved = new Blob(['audio']);
vi.mock('./module', () => ({
  loadDownloads: () => readSaved(),
  readFile: (key: string) => Promise.resolve(key === 'track-1' ? saved : undefined),
}));

/** A fresh copy of load.ts (its one load is module state), over the same mocked module. */
const freshLoad = async () => {
  vi.resetModules();
  return import('./load');
};

beforeEach(() => readSaved.mockReset());

describe('loadDownloads', () => {
  it('tries again after a failed load instead of keeping the failure', async () => {
    const { loadDownloads, readDownloadedFile } = await freshLoad();
    readSaved.mockRejectedValueOnce(new Error('network'));
    await expect(loadDownloads()).rejects.toThrow('network');
    readSaved.mockResolvedValue(undefined);
    expect(await readDownloadedFile('track-1')).toBe(saved);
    expect(readSaved).toHaveBeenCalledTimes(2);
  });

  it('reads the saved downloads once, for calls made together and after', async () => {
    const { loadDownloads } = await freshLoad();
    readSaved.mockResolvedValue(undefined);
    await Promise.all([loadDownloads(), loadDownloads()]);
    await loadDownloads();
    expect(readSaved).toHaveBeenCalledTimes(1);
  });
});
