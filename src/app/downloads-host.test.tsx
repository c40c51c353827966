import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

// The downloads module's code: its first fetch fails (offline before the app was saved).
const startDownloads = vi.fn(() => () => Promise.resolve());
const loadDownloads = vi.fn();
vi.mock('../features/downloads', () => ({ loadDownloads: () => loadDownloads() }));
vi.mock('../features/player', () => ({ loadPlayerRuntime: vi.fn() }));
vi.mock('../lib/plex-context', () => ({ usePms: () => null }));
const networkBack = vi.hoisted(() => new Set<() => void>());
vi.mock('./network', () => ({
  network: { isUp: () => true },
  whenNetworkReturns: (listener: () => void) => {
    networkBack.add(listener);
    return () => networkBack.delete(listener);
  },
}));

const { DownloadsHost } = await import('./downloads-host');

describe('the downloads host', () => {
  it('starts the downloads once the network is back, after their code failed to load', async () => {
    loadDownloads.mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'));
    loadDownloads.mockResolvedValue({ startDownloads, sourceOf: vi.fn() });
    render(<DownloadsHost>app</DownloadsHost>);
    await vi.waitFor(() => expect(networkBack.size).toBe(1));
    expect(startDownloads).not.toHaveBeenCalled();
    await act(async () => {
      for (const listener of [...networkBack]) listener();
    });
    await vi.waitFor(() => expect(startDownloads).toHaveBeenCalledTimes(1));
    // Listening no more once it has started.
    expect(networkBack.size).toBe(0);
  });
});
