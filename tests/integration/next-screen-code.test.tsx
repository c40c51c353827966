import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderApp, appTests } from './app-harness';

// Which screens' code the app has fetched: each screen's route module (its chunk, which brings
// the library's view) records its first import.
const fetched = vi.hoisted(() => new Set<string>());
vi.mock('../../src/app/routes/playlist-route', async (original) => {
  fetched.add('playlist');
  return original();
});
vi.mock('../../src/app/routes/album-route', async (original) => {
  fetched.add('album');
  return original();
});

appTests({ signedIn: true });

describe('the screens one tap away', () => {
  it('have their code fetched once the playlists screen has shown', async () => {
    renderApp('/playlists');
    expect(await screen.findByText('Road Trip')).toBeVisible();
    // A playlist is one tap away from here; an album is not.
    await waitFor(() => expect(fetched.has('playlist')).toBe(true));
    expect(fetched.has('album')).toBe(false);
  });
});
