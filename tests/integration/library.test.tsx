import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createStore, keys } from 'idb-keyval';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { forgetArtwork } from '../../src/lib/artwork';
import { storageName } from '../../src/lib/storage-names';
import { queriesSaved } from '../../src/testing/queries-saved';
import { fake, mswServer, renderApp, appTests } from './app-harness';

appTests({ signedIn: true });

const local = () => fake().model.servers[0]?.connections[0]?.uri ?? '';
const requestsTo = (path: string) => fake().requests.filter((r) => r.path === path);

describe('playlists', () => {
  it('lists the audio playlists with smart ones marked, counts, and hostile titles as text', async () => {
    const view = renderApp('/');
    expect(await screen.findByText('Road Trip')).toBeVisible();
    const smart = screen.getByText('Recently Added').closest('a') as HTMLElement;
    expect(within(smart).getByText('Smart')).toBeVisible();
    expect(
      within(screen.getByText('Everything × 20,000').closest('a') as HTMLElement).getByText(
        /20,000 tracks/,
      ),
    ).toBeVisible();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
    expect(view.container.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByText('قائمة تشغيل عربية 🎶')).toBeVisible();
    expect(requestsTo('/playlists')[0]?.query.playlistType).toBe('audio');
  });

  it('asks for artwork at the size shown and shows it from memory, never from a token URL', async () => {
    forgetArtwork(); // an earlier test's covers are still in memory
    const view = renderApp('/playlists');
    await screen.findByText('Road Trip');
    const asked = await waitFor(() => {
      const found = requestsTo('/photo/:/transcode').find((r) =>
        r.query.url?.startsWith('/playlists/9001/composite/'),
      );
      expect(found).toBeDefined();
      return found;
    });
    // 1× here (jsdom's devicePixelRatio is 1); the cover-art tests cover 2×.
    expect(asked?.query.width).toBe('160');
    await waitFor(() => expect(view.container.querySelector('img.cover')).not.toBeNull());
    for (const img of view.container.querySelectorAll('img.cover')) {
      expect(img.getAttribute('src')).toMatch(/^blob:/);
      expect(img.hasAttribute('srcset')).toBe(false);
    }
  });

  it('opens a 20,000-track playlist: first page fast, the rest in pages, few rows mounted', async () => {
    const view = renderApp('/playlists/9004');
    expect(await screen.findByText('Departure Board')).toBeVisible();
    await waitFor(() => expect(screen.queryByText(/Loading .* tracks…/)).not.toBeInTheDocument(), {
      timeout: 8000,
    });
    const list = screen.getByRole('list', { name: 'Tracks in Everything × 20,000' });
    expect(list.getAttribute('data-count')).toBe('20000');
    expect(view.container.querySelectorAll('.virtual-row').length).toBeLessThanOrEqual(60);
    const pages = requestsTo('/playlists/9004/items').map((r) => [
      r.query['X-Plex-Container-Start'],
      r.query['X-Plex-Container-Size'],
    ]);
    expect(pages[0]).toEqual(['0', '50']);
    expect(pages[1]).toEqual(['50', '2000']);
    expect(pages).toHaveLength(11);
  }, 15_000);

  it('filters and sorts within a playlist', async () => {
    renderApp('/playlists/9001');
    const list = await screen.findByRole('list', { name: 'Tracks in Road Trip' });
    expect(within(list).getByText('Departure Board')).toBeVisible();
    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Filter tracks in this playlist' }),
      'tram',
    );
    await waitFor(() =>
      expect(within(list).queryByText('Departure Board')).not.toBeInTheDocument(),
    );
    expect(within(list).getByText('Last Tram Home')).toBeVisible();
    await userEvent.clear(
      screen.getByRole('searchbox', { name: 'Filter tracks in this playlist' }),
    );
    await userEvent.selectOptions(screen.getByRole('combobox'), 'Title');
    await waitFor(() => {
      const titles = [...list.querySelectorAll('.track-title')].map((e) => e.textContent);
      expect(titles.slice(0, 3)).toEqual(
        [...titles]
          .sort((a, b) => (a ?? '').localeCompare(b ?? '', undefined, { sensitivity: 'base' }))
          .slice(0, 3),
      );
    });
  });

  it('says a playlist is empty', async () => {
    renderApp('/playlists/9003');
    expect(await screen.findByText('This playlist is empty.')).toBeVisible();
  });

  it('says a playlist that vanished (404) is gone', async () => {
    renderApp('/playlists/424242');
    expect(await screen.findByText('This playlist is no longer on the server.')).toBeVisible();
  });

  it('copes with a server that ignores paging: one request, no duplicates', async () => {
    const server = fake().model.servers[0];
    if (server) server.ignoresPaging = true;
    renderApp('/playlists/9001');
    const list = await screen.findByRole('list', { name: 'Tracks in Road Trip' });
    await waitFor(() => expect(list.getAttribute('data-count')).toBe('21'));
    expect(requestsTo('/playlists/9001/items')).toHaveLength(1);
    expect(within(list).getAllByText('Departure Board')).toHaveLength(1);
  });

  it('shows odd items sensibly: missing fields get defaults, non-tracks and broken items are hidden and counted', async () => {
    mswServer.use(
      http.get(`${local()}/playlists/777/items`, () =>
        HttpResponse.json({
          MediaContainer: {
            size: 4,
            offset: 0,
            totalSize: 4,
            Metadata: [
              { ratingKey: '1', type: 'track', title: 'Bare Track' },
              { ratingKey: '2', type: 'movie', title: 'A Film' },
              { type: 'track', title: 'No Id' },
              {
                ratingKey: '3',
                type: 'track',
                title: 'With Media',
                grandparentTitle: 'Some Artist',
                Media: [{ Part: [{ id: 9, key: '/library/parts/9/file.mp3' }] }],
              },
            ],
          },
        }),
      ),
      http.get(`${local()}/playlists/777`, () =>
        HttpResponse.json({
          MediaContainer: {
            Metadata: [{ ratingKey: '777', type: 'playlist', title: 'Odd', leafCount: 4 }],
          },
        }),
      ),
    );
    renderApp('/playlists/777');
    const list = await screen.findByRole('list', { name: 'Tracks in Odd' });
    expect(within(list).getByText('Bare Track')).toBeVisible();
    expect(within(list).getByText(/Unknown artist · no playable file/)).toBeVisible();
    expect(within(list).getByText('Some Artist')).toBeVisible();
    expect(within(list).queryByText('A Film')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        /2 items in this playlist aren't tracks or couldn't be read, and are hidden/,
      ),
    ).toBeVisible();
  });

  it('explains a truncated reply and keeps the rest of the app working', async () => {
    fake().faults.add({ kind: 'malformed', mode: 'truncated', path: '/playlists' });
    renderApp('/playlists');
    expect(await screen.findByText("Couldn't load this list of playlists.")).toBeVisible();
    expect(screen.getByText(/may have been cut off/)).toBeVisible();
    await userEvent.click(screen.getAllByRole('link', { name: /Library/ })[0] as HTMLElement);
    expect(await screen.findByRole('link', { name: 'Aurora Lines' })).toBeVisible();
  });

  it('rides out 429s while paging, waiting as told, and still loads everything', async () => {
    fake().faults.add({
      kind: 'rate-limit-storm',
      every: 4,
      retryAfterSeconds: [1],
      path: '/playlists/9004/items',
    });
    renderApp('/playlists/9004');
    const list = await screen.findByRole('list', { name: /Tracks in/ }, { timeout: 5000 });
    await waitFor(() => expect(list.getAttribute('data-count')).toBe('20000'), { timeout: 12_000 });
    const calls = requestsTo('/playlists/9004/items');
    expect(calls.length).toBeGreaterThan(11);
  }, 20_000);
});

describe('library browsing', () => {
  it('goes from artists to an artist’s albums to an album’s tracks', async () => {
    renderApp('/library');
    await userEvent.click(await screen.findByRole('link', { name: '坂本 ユキ' }));
    expect(await screen.findByRole('heading', { name: '坂本 ユキ', level: 1 })).toBeVisible();
    expect(screen.getByText('東京出身のピアニスト。')).toBeVisible();
    await userEvent.click(await screen.findByRole('link', { name: /雪の記憶/ }));
    const tracks = await screen.findByRole('list', { name: 'Tracks on 雪の記憶' });
    expect(within(tracks).getAllByRole('listitem')).toHaveLength(6);
    expect(within(tracks).getByText('初雪')).toBeVisible();
  });

  it('shows recently added albums, newest first', async () => {
    renderApp('/library');
    const shelf = await screen.findByRole('region', { name: 'Recently added' });
    const titles = await within(shelf).findAllByText(/./, { selector: '.card-title' });
    expect(titles[0]?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(titles[1]?.textContent).toBe('Desert Roads');
    // Albums sorted by when they were added: the section's /recentlyAdded answers tracks.
    expect(requestsTo('/library/sections/1/all').some((r) => r.query.sort === 'addedAt:desc')).toBe(
      true,
    );
  });

  it('starts a library scan on the server and shows that it is scanning', async () => {
    renderApp('/library');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Scan library for new music' }),
    );
    expect(await screen.findByRole('button', { name: 'Scanning library…' })).toBeVisible();
    expect(requestsTo('/library/sections/1/refresh')).toHaveLength(1);
  });

  it('asks for a scan given offline once the server can be reached, exactly once', async () => {
    const { onlineManager } = await import('@tanstack/react-query');
    renderApp('/library');
    const button = await screen.findByRole('button', { name: 'Scan library for new music' });
    onlineManager.setOnline(false);
    await userEvent.click(button);
    expect(
      await screen.findByRole('button', {
        name: 'Scan asked for: sent when the server can be reached',
      }),
    ).toBeVisible();
    expect(requestsTo('/library/sections/1/refresh')).toHaveLength(0);
    onlineManager.setOnline(true);
    expect(await screen.findByRole('button', { name: 'Scanning library…' })).toBeVisible();
    expect(requestsTo('/library/sections/1/refresh').map((r) => r.method)).toEqual(['GET']);
  });

  it('remembers which music library to browse', async () => {
    renderApp('/library');
    await userEvent.selectOptions(
      await screen.findByRole('combobox', { name: 'Music library' }),
      'Audiobooks',
    );
    await waitFor(() => expect(requestsTo('/library/sections/3/all').length).toBeGreaterThan(0));
    expect(await screen.findByText('This library has no artists yet.')).toBeVisible();
  });
});

describe('search', () => {
  it('searches the server and groups what it finds', async () => {
    renderApp('/search');
    await userEvent.type(
      await screen.findByRole('searchbox', { name: 'Search your music' }),
      'lights',
    );
    expect(await screen.findByRole('heading', { name: 'Albums' })).toBeVisible();
    expect(screen.getByText('Harbour Lights')).toBeVisible();
    expect(screen.getByText('Streetlights')).toBeVisible();
    const call = requestsTo('/hubs/search').at(-1);
    expect(call?.query).toMatchObject({ query: 'lights', sectionId: '1' });
  });

  it('searches what was cached when offline', async () => {
    const first = renderApp('/library/albums/1017');
    await screen.findByText('初雪');
    // Saved after the fetch, a write that takes its turn: the album must be on disk first.
    const savedKeys = () => keys<string>(createStore(storageName('query-cache'), 'queries'));
    await waitFor(async () =>
      expect((await savedKeys()).some((k) => k.includes('"1017"'))).toBe(true),
    );
    first.unmount();
    const { onlineManager } = await import('@tanstack/react-query');
    onlineManager.setOnline(false);
    renderApp('/search?q=初雪');
    expect(await screen.findByText('Offline — searching what PlexM8 has saved.')).toBeVisible();
    expect(await screen.findByText('初雪')).toBeVisible();
    expect(requestsTo('/hubs/search')).toHaveLength(0);
  });
});

describe('offline start', () => {
  it('shows the last-seen playlists at once, marked as offline, with no error', async () => {
    const first = renderApp('/playlists');
    await screen.findByText('Road Trip');
    // Persisted asynchronously after the fetch: wait for the save, not for a stretch of time.
    await queriesSaved();
    first.unmount();
    const { onlineManager } = await import('@tanstack/react-query');
    onlineManager.setOnline(false);
    for (const c of fake().model.servers[0]?.connections ?? [])
      fake().faults.add({ kind: 'drop', origin: c.uri });
    fake().faults.add({ kind: 'drop', path: '/api/' });
    renderApp('/playlists');
    expect(await screen.findByText('Road Trip')).toBeVisible();
    expect(screen.getByText(/Showing what PlexM8 saved/)).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
