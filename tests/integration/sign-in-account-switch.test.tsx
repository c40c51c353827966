import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type * as AccountData from '../../src/app/account-data';
import { useSessionStore } from '../../src/features/auth';
import { fake, renderApp, appTests } from './app-harness';

// The previous account's data can't be removed (storage refusing the wipe).
vi.mock('../../src/app/account-data', async (importOriginal) => ({
  ...(await importOriginal<typeof AccountData>()),
  claimDeviceFor: () => Promise.reject(new Error('the database refused the wipe')),
}));

appTests({ signedIn: false });

describe('a sign-in over another account’s data that can’t be removed', () => {
  it('is refused with a way forward, and the session does not start', async () => {
    const view = renderApp('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign in with Plex' }));
    await waitFor(() => expect(view.opened).toHaveLength(1));
    const code = new URLSearchParams(new URL(view.opened[0] ?? '').hash.slice(2)).get('code');
    view.unmount();
    fake().approve(code ?? '');
    renderApp('/sign-in/return');
    expect(await screen.findByText("Couldn't finish signing in.")).toBeVisible();
    expect(screen.getByText(/couldn't remove it, so it didn't sign you in/)).toBeVisible();
    expect(useSessionStore.getState().token).toBeNull();
  });
});
