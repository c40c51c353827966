import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore, entries } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { storageName } from '../../src/lib/storage-names';
import { fake, renderApp, appTests } from './app-harness';

appTests({ signedIn: true });

const listCalls = (type: string) =>
  fake()
    .requests.filter((r) => r.path === '/library/sections/1/all' && r.query.type === type)
    .map((r) => r.query);

/** The queries the persister has written: their keys (query hashes) and their data. */
async function saved(): Promise<{ keys: string[]; text: string }> {
  const all = await entries<string, unknown>(createStore(storageName('query-cache'), 'queries'));
  return { keys: all.map(([k]) => k), text: JSON.stringify(all) };
}
const pageOf = (list: string) => (key: string) => key.includes(`"section","1","${list}"`);

describe('browsing a library by artists, albums and tracks', () => {
  it('pages the artists from the server, 100 at a time in its name order', async () => {
    renderApp('/library');
    const artists = await screen.findByRole('list', { name: 'Artists' });
    expect(await within(artists).findByText('坂本 ユキ')).toBeVisible();
    expect(artists.getAttribute('data-count')).toBe('5');
    expect(listCalls('8')[0]).toMatchObject({
      sort: 'titleSort',
      'X-Plex-Container-Start': '0',
      'X-Plex-Container-Size': '100',
    });
    expect(screen.getByRole('link', { name: 'Artists' }).getAttribute('aria-current')).toBe('page');
  });

  it('shows the albums as a grid, in the order the server sorts them', async () => {
    renderApp('/library');
    await userEvent.click(await screen.findByRole('link', { name: 'Albums' }));
    const grid = await screen.findByRole('list', { name: 'Albums' });
    await waitFor(() => expect(within(grid).getAllByRole('listitem')).toHaveLength(8));
    expect(within(grid).getAllByRole('listitem')[0]?.getAttribute('aria-setsize')).toBe('8');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Date added');
    await waitFor(() => expect(listCalls('9').at(-1)?.sort).toBe('addedAt:desc'));
    const newest = await screen.findByRole('list', { name: 'Albums' });
    await waitFor(() =>
      expect(newest.querySelector('.card-title')?.textContent).toBe('<img src=x onerror=alert(1)>'),
    );
    expect(window.location.search).toBe('?view=albums&sort=addedAt%3Adesc');
  });

  it('lists every track, sorted by the server, and keeps them out of the saved cache', async () => {
    renderApp('/library?view=tracks');
    const tracks = await screen.findByRole('list', { name: 'Tracks' });
    await within(tracks).findByText('Departure Board');
    expect(tracks.getAttribute('data-count')).toBe('43');
    expect(listCalls('10')[0]?.sort).toBe('titleSort');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Album');
    await waitFor(() => expect(listCalls('10').at(-1)?.sort).toBe('album.titleSort'));
    const byAlbum = await screen.findByRole('list', { name: 'Tracks' });
    // "<img …>" sorts first: punctuation comes before letters.
    await waitFor(() =>
      expect(byAlbum.querySelector('.track-album')?.textContent).toBe(
        '<img src=x onerror=alert(1)>',
      ),
    );
    // The artists' pages are saved for offline use; the tracks' never are.
    renderApp('/library');
    await screen.findAllByText('坂本 ユキ');
    await waitFor(async () => expect((await saved()).keys.some(pageOf('artists'))).toBe(true));
    expect((await saved()).text).toContain('坂本 ユキ');
    expect((await saved()).keys.some(pageOf('tracks'))).toBe(false);
  });
});
