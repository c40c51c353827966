import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PLAYER_KEY } from '../../src/features/player';
import { useSessionStore } from '../../src/features/auth';
import { useServersStore } from '../../src/features/servers/servers-store';
import { idbGet, idbSet } from '../../src/lib/idb';
import { fake, renderApp, signInAsDemo, appTests } from './app-harness';

appTests({ signedIn: false });

function authParams(url: string): URLSearchParams {
  const parsed = new URL(url);
  expect(parsed.origin + parsed.pathname).toBe('https://app.plex.tv/auth');
  return new URLSearchParams(parsed.hash.replace(/^#\??/, ''));
}

async function startSignIn() {
  const view = renderApp('/');
  await userEvent.click(await screen.findByRole('button', { name: 'Sign in with Plex' }));
  await waitFor(() => expect(view.opened).toHaveLength(1));
  const params = authParams(view.opened[0] ?? '');
  view.unmount();
  return params;
}

describe('signing in with Plex', () => {
  it('sends the user to app.plex.tv with a strong PIN and our own return address, then finishes', async () => {
    const params = await startSignIn();
    expect(params.get('clientID')).toBe('integration-client-id');
    expect(params.get('context[device][product]')).toBe('PlexM8');
    expect(params.get('forwardUrl')).toBe(`${window.location.origin}/sign-in/return`);
    const code = params.get('code') ?? '';
    expect(code).toHaveLength(25);

    const created = fake().requests.find((r) => r.path === '/api/v2/pins' && r.method === 'POST');
    expect(created?.query).toMatchObject({
      strong: 'true',
      'X-Plex-Client-Identifier': 'integration-client-id',
      'X-Plex-Product': 'PlexM8',
    });

    expect(fake().approve(code)).toBe(true);
    renderApp('/sign-in/return');
    expect(await screen.findByText('Demo Listener')).toBeVisible();
    // The account shows a moment before the move to the home screen on a busy machine.
    await waitFor(() => expect(window.location.pathname).toBe('/playlists'));
    expect(await screen.findByText('Road Trip')).toBeVisible();
  });

  it('says so when the user comes back without approving, and finishes on "Check again" after approval', async () => {
    const params = await startSignIn();
    renderApp('/sign-in/return');
    expect(await screen.findByText("Sign-in wasn't approved.")).toBeVisible();
    fake().approve(params.get('code') ?? '');
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('Demo Listener')).toBeVisible();
  });

  it('explains an expired PIN and offers a new sign-in', async () => {
    await startSignIn();
    for (const pin of fake().model.pins.values()) pin.expiresAt = 0;
    renderApp('/sign-in/return');
    expect(await screen.findByText('That sign-in code has expired.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeVisible();
  });

  it('handles a return with no sign-in in progress', async () => {
    renderApp('/sign-in/return');
    expect(
      await screen.findByText("There's no sign-in in progress in this browser."),
    ).toBeVisible();
  });

  it('finishes whichever of two tabs’ PINs was approved', async () => {
    const first = await startSignIn();
    await startSignIn();
    fake().approve(first.get('code') ?? '');
    renderApp('/sign-in/return');
    expect(await screen.findByText('Demo Listener')).toBeVisible();
  });

  it('shows a clear message when plex.tv cannot create a PIN', async () => {
    fake().faults.add({ kind: 'status', status: 503, path: '/api/v2/pins' });
    renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with Plex' }));
    expect(await screen.findByText("Couldn't start signing in with Plex.")).toBeVisible();
    expect(screen.getByText(/Plex had a problem \(error 503\)/)).toBeVisible();
  });
});

describe('the stored sign-in', () => {
  it('is checked on start: a revoked token (401) ends the session with a reason', async () => {
    await signInAsDemo(fake());
    fake().model.revokedTokens.add(fake().model.user.token);
    renderApp('/servers');
    expect(
      await screen.findByText('Your Plex sign-in has expired or was revoked. Sign in again.'),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Sign in with Plex' })).toBeVisible();
  });

  it('survives a check that fails for other reasons (5xx): still signed in, marked unverified', async () => {
    await signInAsDemo(fake());
    fake().faults.add({ kind: 'status', status: 502, path: '/api/v2/user' });
    renderApp('/servers');
    expect(await screen.findByText("Couldn't check sign-in with Plex")).toBeVisible();
    expect(screen.getByText('Demo Listener')).toBeVisible();
  });

  it('is wiped by sign-out: no token left in IndexedDB, sign-in screen shown', async () => {
    await signInAsDemo(fake());
    renderApp('/servers');
    await screen.findByRole('heading', { name: 'Living Room Server' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in with Plex' })).toBeVisible();
    await waitFor(async () => {
      const stored = JSON.stringify([await idbGet('session'), await idbGet('servers')]);
      expect(stored).not.toContain(fake().model.user.token);
      expect(stored).not.toContain(fake().model.servers[0]?.accessToken ?? 'missing');
    });
  });
});

describe('what sign-out leaves in memory', () => {
  it('nothing of the account: a server probe still under way writes nothing after it', async () => {
    // The server answers its identity slowly: the first probe is still out at sign-out.
    fake().faults.add({ kind: 'latency', ms: 2_500, path: '/identity' });
    await signInAsDemo(fake());
    renderApp('/servers');
    await screen.findByRole('heading', { name: 'Living Room Server' });
    const id = fake().model.servers[0]?.machineIdentifier ?? 'missing';
    expect(useServersStore.getState().statuses[id]?.state).toBe('probing');
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in with Plex' });
    // Every probe has had its answer by now.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const state = useServersStore.getState();
    expect(state.servers).toEqual([]);
    expect(state.statuses).toEqual({});
    expect(state.remembered).toEqual({});
    expect(JSON.stringify(await idbGet('servers'))).not.toContain(id);
  }, 15_000);
});

describe('whose data is on this device', () => {
  async function signInThroughPin(): Promise<void> {
    const params = await startSignIn();
    fake().approve(params.get('code') ?? '');
    const view = renderApp('/sign-in/return');
    await waitFor(() => expect(window.location.pathname).toBe('/playlists'));
    view.unmount();
  }

  it('a sign-in by another account first removes the last one’s queue and cached library', async () => {
    await signInThroughPin();
    // What the first account left behind (a revoked sign-in keeps these for a quick return).
    await idbSet(PLAYER_KEY, { state: { queue: { items: [{ uid: 'x' }] } }, version: 2 });
    expect(await idbGet('account-id')).toBe(1001);
    useSessionStore.setState({ token: null, user: null });

    fake().model.user = { ...fake().model.user, id: 2002, title: 'Second Listener' };
    await signInThroughPin();
    const stored = await idbGet<{ state: { queue: { items: unknown[] } } }>(PLAYER_KEY);
    expect(stored?.state.queue.items ?? []).toEqual([]);
    expect(await idbGet('account-id')).toBe(2002);
  });

  it('the same account signing in again keeps what it left', async () => {
    await signInThroughPin();
    await idbSet(PLAYER_KEY, { state: { queue: { items: [{ uid: 'x' }] } }, version: 2 });
    useSessionStore.setState({ token: null, user: null });
    await signInThroughPin();
    const stored = await idbGet<{ state: { queue: { items: unknown[] } } }>(PLAYER_KEY);
    expect(stored?.state.queue.items).toEqual([{ uid: 'x' }]);
  });

  it('sign-out removes this browser from the account’s devices on plex.tv', async () => {
    await signInThroughPin();
    expect([...fake().model.devices.keys()]).toEqual(['integration-client-id']);
    renderApp('/servers');
    await screen.findByRole('heading', { name: 'Living Room Server' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('button', { name: 'Sign in with Plex' });
    await waitFor(() => expect(fake().model.devices.size).toBe(0));
    const removal = fake().requests.find((r) => r.method === 'DELETE');
    expect(removal?.path).toMatch(/^\/devices\/\d+\.xml$/);
    expect(
      screen.queryByText('This browser is still on your Plex account'),
    ).not.toBeInTheDocument();
  });

  it('says where to remove it by hand when plex.tv refuses', async () => {
    await signInThroughPin();
    fake().model.refuseDeviceRemoval = true;
    renderApp('/servers');
    await screen.findByRole('heading', { name: 'Living Room Server' });
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('This browser is still on your Plex account')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Authorized Devices' }).getAttribute('href')).toBe(
      'https://app.plex.tv/desktop/#!/settings/devices/all',
    );
    // Signed out all the same: nothing of the session is left.
    await waitFor(async () =>
      expect(JSON.stringify(await idbGet('session'))).not.toContain(fake().model.user.token),
    );
  });
});
