import { render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ScreenError } from './route-error';

/** A layout with its nav, and one screen whose code fails to arrive (offline, or replaced). */
function appWithABrokenScreen() {
  return createMemoryRouter(
    [
      {
        element: (
          <>
            <nav aria-label="Main">Playlists</nav>
            <Outlet />
          </>
        ),
        children: [
          {
            ErrorBoundary: ScreenError,
            children: [
              {
                path: '/playlists',
                lazy: () =>
                  Promise.reject(new Error('Failed to fetch dynamically imported module')),
              },
            ],
          },
        ],
      },
    ],
    { initialEntries: ['/playlists'] },
  );
}

describe("a screen whose code can't be fetched", () => {
  it('says so with a way to reload, and the nav stays', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<RouterProvider router={appWithABrokenScreen()} />);
    expect(await screen.findByText("This screen couldn't be loaded.")).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });
});
