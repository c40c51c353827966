import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useServersStore } from '../../src/features/servers';
import { fake, renderApp, appTests } from './app-harness';

appTests({ signedIn: true });

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture missing');
  return value;
}
const livingRoom = () => defined(fake().model.servers[0]);
const uriOf = (tier: 'local' | 'relay' | 'remote') =>
  defined(
    livingRoom().connections.find((x) =>
      tier === 'relay' ? x.relay : tier === 'local' ? x.local : !x.local && !x.relay,
    ),
  ).uri;
const card = async (name: string) =>
  (await screen.findByRole('heading', { name })).closest('li') as HTMLElement;

describe('servers screen', () => {
  it('lists servers (not players), connects locally and shows the music libraries', async () => {
    renderApp('/servers');
    const living = await card('Living Room Server');
    expect(await within(living).findByText('Connected on your local network.')).toBeVisible();
    expect(within(living).getByText('Local network', { selector: '.badge' })).toBeVisible();
    expect(screen.queryByText('Living Room TV')).not.toBeInTheDocument();
    const music = await screen.findByRole('region', { name: 'Music on Living Room Server' });
    expect(await within(music).findByText('Music')).toBeVisible();
    expect(within(music).getByText('Audiobooks')).toBeVisible();
    expect(within(music).queryByText('Movies')).not.toBeInTheDocument();
    // The server's own token was used, sent as a query parameter.
    const sections = fake().requests.find((r) => r.path === '/library/sections');
    expect(sections?.query['X-Plex-Token']).toBe(livingRoom().accessToken);
    expect(sections?.headers['x-plex-token']).toBeUndefined();
  });

  it('falls back to the relay, and says why, when the local address fails', async () => {
    fake().faults.add({ kind: 'drop', origin: uriOf('local') });
    renderApp('/servers');
    const living = await card('Living Room Server');
    expect(
      await within(living).findByText(
        "Can't reach Living Room Server over your local network; using Plex Relay (slower).",
      ),
    ).toBeVisible();
    expect(within(living).getByText('Plex Relay', { selector: '.badge' })).toBeVisible();
  });

  it('re-probes on "Test connection" and moves back to local when it returns', async () => {
    // Down for the first probe, its no-cors follow-up and the with-token retry.
    fake().faults.add({ kind: 'drop', origin: uriOf('local'), times: 3 });
    renderApp('/servers');
    const living = await card('Living Room Server');
    await within(living).findByText(/using Plex Relay/);
    await userEvent.click(within(living).getByRole('button', { name: 'Test connection' }));
    expect(await within(living).findByText('Connected on your local network.')).toBeVisible();
  });

  it('shows an unreachable server plainly, without hiding the others', async () => {
    const friend = defined(fake().model.servers[1]);
    fake().faults.add({ kind: 'drop', origin: defined(friend.connections[0]).uri });
    renderApp('/servers');
    const jo = await card("Jo's Server");
    expect(
      await within(jo).findByText(
        "Can't reach Jo's Server. Check that it is running, then test the connection again.",
      ),
    ).toBeVisible();
    expect(within(jo).getByText('Unreachable')).toBeVisible();
    expect(
      await within(await card('Living Room Server')).findByText('Connected on your local network.'),
    ).toBeVisible();
    // Listed with connections: null (and null platform fields) in resources: shown, not dropped.
    expect(
      await within(await card('Old Laptop')).findByText(
        'Old Laptop offers no connections PlexM8 can use.',
      ),
    ).toBeVisible();
  });

  it('lets the user pick another server', async () => {
    renderApp('/servers');
    const jo = await card("Jo's Server");
    await userEvent.click(within(jo).getByRole('button', { name: 'Use this server' }));
    expect(await screen.findByRole('region', { name: "Music on Jo's Server" })).toBeVisible();
    expect(await screen.findByText("Jo's Music")).toBeVisible();
  });

  it('explains a malformed server list (XML instead of JSON) and offers a retry', async () => {
    fake().faults.add({ kind: 'malformed', mode: 'xml', path: '/api/v2/resources', times: 1 });
    renderApp('/servers');
    expect(await screen.findByText("Couldn't load your servers from Plex.")).toBeVisible();
    expect(screen.getByText(/answered in XML instead of JSON/)).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Living Room Server' })).toBeVisible();
  });

  it('waits out a 429 as long as Retry-After says, then loads', async () => {
    fake().faults.add({
      kind: 'status',
      status: 429,
      retryAfter: '1',
      path: '/api/v2/resources',
      times: 1,
    });
    renderApp('/servers');
    expect(
      await screen.findByRole('heading', { name: 'Living Room Server' }, { timeout: 4000 }),
    ).toBeVisible();
    const calls = fake().requests.filter((r) => r.path === '/api/v2/resources');
    expect(calls).toHaveLength(2);
    expect(defined(calls[1]).at - defined(calls[0]).at).toBeGreaterThanOrEqual(1000);
  });

  it('keeps the servers screen when the libraries request is malformed', async () => {
    fake().faults.add({ kind: 'malformed', mode: 'truncated', path: '/library/sections' });
    renderApp('/servers');
    expect(
      await screen.findByText("Couldn't load this list of libraries on Living Room Server."),
    ).toBeVisible();
    expect(screen.getByText(/couldn't read \(it may have been cut off\)/)).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Living Room Server' })).toBeVisible();
  });

  it('says when the account has no servers', async () => {
    fake().model.servers.length = 0;
    renderApp('/servers');
    expect(await screen.findByText('No Plex Media Servers on this account.')).toBeVisible();
  });
});

describe('connection failover from a failing request', () => {
  it('re-probes when a library request cannot reach the server, and the retry succeeds via relay', async () => {
    const view = renderApp('/servers');
    const living = await card('Living Room Server');
    await within(living).findByText('Connected on your local network.');
    await screen.findByText('Audiobooks');
    fake().faults.add({ kind: 'drop', origin: uriOf('local') });
    await view.queryClient.invalidateQueries();
    expect(
      await within(living).findByText(/using Plex Relay \(slower\)/, {}, { timeout: 4000 }),
    ).toBeVisible();
    await waitFor(
      () =>
        expect(
          fake().requests.some(
            (r) => r.path === '/library/sections' && r.origin === uriOf('relay'),
          ),
        ).toBe(true),
      { timeout: 4000 },
    );
    expect(screen.getByText('Audiobooks')).toBeVisible();
    expect(screen.queryByText(/Couldn't load this list of libraries/)).not.toBeInTheDocument();
    expect(useServersStore.getState().remembered[livingRoom().machineIdentifier]).toBe(
      uriOf('relay'),
    );
  });

  it('reloads the server list for a fresh token when a server stops taking the old one, and carries on', async () => {
    renderApp('/library');
    await screen.findByRole('link', { name: 'Aurora Lines' });
    // The server's access token changes (plex.tv hands out a new one); the old one is refused.
    const server = livingRoom();
    const old = server.accessToken;
    fake().model.revokedTokens.add(old);
    server.accessToken = 'fresh-server-token';
    const from = fake().requests.length;
    await userEvent.click(screen.getByRole('link', { name: 'Aurora Lines' }));
    const artist = await screen.findByRole('region', { name: 'Aurora Lines' });
    expect(await within(artist).findByRole('link', { name: /Harbour Lights/ })).toBeVisible();
    const after = fake().requests.slice(from);
    // Asked plex.tv whether the sign-in holds, reloaded the servers, and went on with the new token.
    expect(after.some((r) => r.path === '/api/v2/user')).toBe(true);
    expect(after.some((r) => r.path === '/api/v2/resources')).toBe(true);
    expect(
      after.filter((r) => r.query['X-Plex-Token'] === 'fresh-server-token').length,
    ).toBeGreaterThan(0);
    expect(useServersStore.getState().servers[0]?.accessToken).toBe('fresh-server-token');
  });
});
