import { beforeEach, describe, expect, it } from 'vitest';
import type { PlexServer } from '../../domain';
import { useServersStore } from './servers-store';

const server = (id: string, owned: boolean, accessToken: string): PlexServer => ({
  id,
  name: id,
  product: 'Plex Media Server',
  owned,
  accessToken,
  presence: true,
  httpsRequired: false,
  connections: [],
});

describe('a server list stored by an older version', () => {
  beforeEach(() => useServersStore.getState().reset());

  it('loses a shared server that was lent the account token, and keeps the rest', () => {
    const store = useServersStore.getState();
    store.setServers([
      server('mine', true, 'account'),
      server('friend', false, 'friend-own'),
      server('stranger', false, 'account'),
    ]);
    store.select('stranger');
    useServersStore.getState().dropLentAccountToken('account');
    const after = useServersStore.getState();
    expect(after.servers.map((s) => s.id)).toEqual(['mine', 'friend']);
    // The choice moves to a server still there, the user's own first.
    expect(after.selectedId).toBe('mine');
  });
});
