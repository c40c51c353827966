import { act, render, screen } from '@testing-library/react';
import { createMemoryRouter, Link, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PENDING_SHOWN_AFTER_MS, RoutePending } from './route-pending';

afterEach(() => void vi.useRealTimers());

/** A shell with the bar, a link, and a screen whose code arrives when the test says. */
function renderWithSlowScreen() {
  let arrive: () => void = () => undefined;
  const code = new Promise<void>((resolve) => (arrive = resolve));
  const router = createMemoryRouter([
    {
      element: (
        <>
          <RoutePending />
          <Link to="/album">Open the album</Link>
          <Outlet />
        </>
      ),
      children: [
        { path: '/', element: <p>Playlists</p> },
        {
          path: '/album',
          lazy: async () => {
            await code;
            return { Component: () => <h1>The album</h1> };
          },
        },
      ],
    },
  ]);
  render(<RouterProvider router={router} />);
  return { arrive };
}

describe('RoutePending', () => {
  it('shows a bar while a tapped screen’s code is slow to come', async () => {
    vi.useFakeTimers();
    const { arrive } = renderWithSlowScreen();
    act(() => screen.getByRole('link', { name: 'Open the album' }).click());
    await act(() => vi.advanceTimersByTimeAsync(PENDING_SHOWN_AFTER_MS - 50));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(screen.getByRole('progressbar', { name: 'Opening the screen' })).toBeVisible();
    expect(screen.getByText('Playlists')).toBeVisible();
    await act(async () => {
      arrive();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('heading', { name: 'The album' })).toBeVisible();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows nothing when the screen’s code comes quickly', async () => {
    vi.useFakeTimers();
    const { arrive } = renderWithSlowScreen();
    act(() => screen.getByRole('link', { name: 'Open the album' }).click());
    await act(() => vi.advanceTimersByTimeAsync(PENDING_SHOWN_AFTER_MS - 50));
    await act(async () => {
      arrive();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByRole('heading', { name: 'The album' })).toBeVisible();
    // Past the moment the bar would have shown: its timer went with the wait.
    await act(() => vi.advanceTimersByTimeAsync(PENDING_SHOWN_AFTER_MS));
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });
});
