import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PlexServer } from '../../domain';
import { forgetAccountMemory } from '../../lib/account-memory';
import { testClientInfo } from '../../testing/fixtures';
import type { ProbeOutcome } from './choose-connection';
import { connectServer } from './connect';
import { useServersStore } from './servers-store';

/** Every probe answers when the test says so: the server's identity is slow to come back. */
const answers: Array<(outcome: ProbeOutcome) => void> = [];
vi.mock('./probe-connection', () => ({
  identityProbe: () => () =>
    new Promise<ProbeOutcome>((resolve) => {
      answers.push(resolve);
    }),
}));

const server: PlexServer = {
  id: 'old-account-server',
  name: 'Old Account Server',
  product: 'Plex Media Server',
  owned: true,
  accessToken: 'old-account-server-token',
  presence: true,
  httpsRequired: false,
  connections: [
    {
      uri: 'http://192.168.1.20:32400',
      protocol: 'http',
      address: '192.168.1.20',
      port: 32400,
      local: true,
      relay: false,
      ipv6: false,
      tier: 'local',
    },
  ],
};

const answerAll = async () => {
  await vi.waitFor(() => expect(answers.length).toBeGreaterThan(0));
  for (const answer of answers.splice(0)) answer({ ok: true, latencyMs: 5 });
};

beforeEach(() => {
  answers.length = 0;
  useServersStore.getState().reset();
  useServersStore.getState().setServers([server]);
});
afterEach(() => useServersStore.getState().reset());

describe('connecting to a server, across a sign-out', () => {
  it('keeps what a probe finds when nobody signs out (the check below can fail)', async () => {
    const found = connectServer(server, testClientInfo, 'test', 'http:');
    await answerAll();
    await found;
    expect(useServersStore.getState().remembered).toEqual({
      'old-account-server': 'http://192.168.1.20:32400',
    });
  });

  it('lets a probe begun before sign-out write nothing after it, not even the saved address', async () => {
    const found = connectServer(server, testClientInfo, 'test', 'http:');
    // Sign-out: the account's memory is emptied, then its server list.
    forgetAccountMemory();
    useServersStore.getState().reset();
    await answerAll();
    await found;
    const state = useServersStore.getState();
    expect(state.statuses).toEqual({});
    expect(state.remembered).toEqual({});
  });

  it('writes nothing for a server the list no longer holds (a revoked token’s sign-out)', async () => {
    const found = connectServer(server, testClientInfo, 'test', 'http:');
    // Only the server list is emptied: the rest of the account stays for a quick return.
    useServersStore.getState().reset();
    await answerAll();
    await found;
    expect(useServersStore.getState().statuses).toEqual({});
    expect(useServersStore.getState().remembered).toEqual({});
  });

  it('starts a new probe after sign-out instead of joining the old session’s', async () => {
    void connectServer(server, testClientInfo, 'test', 'http:');
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    forgetAccountMemory();
    useServersStore.getState().setServers([server]);
    const fresh = connectServer(server, testClientInfo, 'test', 'http:');
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    await answerAll();
    await fresh;
    expect(useServersStore.getState().statuses['old-account-server']?.state).toBe('connected');
  });
});
