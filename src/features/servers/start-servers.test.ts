import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlexServer } from '../../domain';
import { useServersStore } from './servers-store';
import { serversQuery, startServers } from './use-servers';
import { testClientInfo } from '../../testing/fixtures';

const client = testClientInfo;
const server = (id: string): PlexServer => ({
  id,
  name: `Server ${id}`,
  product: 'Plex Media Server',
  owned: true,
  accessToken: `token-${id}`,
  presence: true,
  httpsRequired: false,
  connections: [
    {
      uri: `http://127.0.0.1:1/${id}`,
      protocol: 'http',
      address: '127.0.0.1',
      port: 1,
      local: true,
      relay: false,
      ipv6: false,
      tier: 'local',
    },
  ],
});

beforeEach(() => {
  useServersStore.getState().reset();
  // Every probe waits: this test is about what starts, not what answers.
  vi.stubGlobal('fetch', () => new Promise(() => undefined));
});
afterEach(() => vi.unstubAllGlobals());

describe('starting the servers at sign-in', () => {
  it('lists them, starts probing each, and leaves the answer for the screens to find', async () => {
    const plexTv = {
      getServers: vi.fn(async () => ({ servers: [server('a'), server('b')], skipped: 0 })),
    };
    const queryClient = new QueryClient();
    await startServers(queryClient, plexTv, client, { token: 'account', userId: 7 });

    const state = useServersStore.getState();
    expect(state.servers.map((s) => s.name)).toEqual(['Server a', 'Server b']);
    expect(state.selectedId).toBe('a');
    expect(state.statuses.a?.state).toBe('probing');
    expect(state.statuses.b?.state).toBe('probing');
    expect(plexTv.getServers).toHaveBeenCalledWith('account', expect.any(AbortSignal));
    // The screens' query (useServers) is answered from the cache, not asked again.
    expect(queryClient.getQueryData(serversQuery(7))).toMatchObject({ skipped: 0 });
  });
});
