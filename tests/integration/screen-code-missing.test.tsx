import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderApp, appTests } from './app-harness';

// The search screen's code can't be fetched (offline before the service worker had it, or a new
// version replaced the files): taking the screen from its module fails, as a browser's import does.
vi.mock('../../src/app/routes/search-route', () => ({
  get SearchRoute(): never {
    throw new TypeError('Failed to fetch dynamically imported module');
  },
}));

appTests({ signedIn: true });
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe("a screen whose code can't be fetched", () => {
  it('says so in its place with a way to reload, and the rest of the app still works', async () => {
    renderApp('/search');
    expect(await screen.findByText("This screen couldn't be loaded.")).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
    // It stands in for the screen, heading included: a screen reader's "next heading" finds it.
    expect(screen.getByRole('heading', { level: 1, name: 'Screen not loaded' })).toBeVisible();
    // The layout is still there: the user can go elsewhere.
    screen.getAllByRole('link', { name: /Playlists/ })[0]?.click();
    expect(await screen.findByText('Road Trip')).toBeVisible();
  });
});
