import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PmsClient } from '../lib/plex/pms-client';
import type { PmsAccess } from '../lib/plex-context';
import { retryLimits } from '../lib/retry-policy';
import { writeKeys, type RateTrack } from '../lib/server-writes';
import { useServerWrites } from './server-writes';

// Where each rating went: the server client it was sent with.
const sent = vi.hoisted(() => [] as Array<{ client: unknown; trackId: string }>);
vi.mock('./server-write-effects', () => ({
  sendRating: (client: unknown, v: { trackId: string }) => {
    sent.push({ client, trackId: v.trackId });
    return Promise.resolve();
  },
  showRating: () => ({ previous: null }),
  ratingRefused: () => undefined,
  scanStarted: () => Promise.resolve(),
  reshow: () => undefined,
  watchSavedWrites: () => ({ restore: () => Promise.resolve(), stop: () => undefined }),
}));

const serverClient = (name: string) => ({ name }) as unknown as PmsClient;
const access = (serverId: string, client: PmsClient): PmsAccess => ({
  client,
  serverId,
  userId: 1,
  tier: () => 'local',
  serverUnreachable: () => Promise.resolve(),
});
const rating = (serverId: string): RateTrack => ({
  userId: 1,
  serverId,
  trackId: '7',
  title: 'Signal Failure',
  rating: 8,
});

const limits = { ...retryLimits };
afterEach(() => {
  Object.assign(retryLimits, limits);
  sent.length = 0;
  onlineManager.setOnline(true);
});

describe('a rating given on one server', () => {
  it('waits while the user is on another, and is sent to its own when they come back', async () => {
    // Retries a millisecond apart: a write that failed for being on the wrong server would have
    // used them all up within the wait below.
    retryLimits.baseDelayMs = 1;
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const living = access('living', serverClient('Living Room'));
    const office = access('office', serverClient('Office'));
    const view = renderHook(({ on }: { on: PmsAccess }) => useServerWrites(on), {
      wrapper,
      initialProps: { on: living },
    });
    // Given offline on the Living Room's server; the user then moves to the Office's.
    onlineManager.setOnline(false);
    const write = queryClient
      .getMutationCache()
      .build(queryClient, { mutationKey: writeKeys.rate })
      .execute(rating('living'));
    view.rerender({ on: office });
    onlineManager.setOnline(true);
    void queryClient.resumePausedMutations();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Never sent to the wrong server, and not given up either.
    expect(sent).toEqual([]);
    expect(queryClient.getMutationCache().getAll()[0]?.state.status).toBe('pending');

    view.rerender({ on: living });
    await write;
    await waitFor(() => expect(sent).toEqual([{ client: living.client, trackId: '7' }]));
  });
});
