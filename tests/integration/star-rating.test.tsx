import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  onlineManager,
  QueryClientProvider,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { clear } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../src/app/query-client';
import { useServerWrites } from '../../src/app/server-writes';
import type { ItemsPage, Track } from '../../src/domain';
import { playlistItemsQuery } from '../../src/features/library/queries';
import { emptyQueue, player, usePlayerStore } from '../../src/features/player';
import { MiniPlayer } from '../../src/features/player/mini-player';
import { NowPlaying } from '../../src/features/player/now-playing';
import { PlayerNotice } from '../../src/features/player/player-notice';
import { appStore } from '../../src/lib/idb';
import { PmsProvider, type PmsAccess } from '../../src/lib/plex-context';
import { clearPersistedQueries } from '../../src/lib/query-persister';
import { savedWritesOnDevice } from '../../src/lib/saved-writes';
import { LIVING_ROOM_ID } from '../fake-plex/scenarios';
import { pmsOnFake } from './pms-on-fake';

/** The player as the app shows it, with the app's server writes, against the fake Plex. */
function Player({ access }: { access: PmsAccess }) {
  useServerWrites(access);
  return (
    <PmsProvider value={access} wait={{ state: 'no-server' }} tier="local">
      <PlayerNotice />
      <MiniPlayer urlFor={null} />
      <NowPlaying urlFor={null} />
    </PmsProvider>
  );
}

async function setUp() {
  const { fake, client } = pmsOnFake();
  const access: PmsAccess = {
    client,
    serverId: LIVING_ROOM_ID,
    userId: fake.model.user.id,
    tier: () => 'local',
    serverUnreachable: () => Promise.resolve(),
  };
  const queryClient = createQueryClient();
  // The playlist was opened: its tracks are in the cache, and it is played from there.
  const playlist = await queryClient.fetchInfiniteQuery(playlistItemsQuery(access, '9001'));
  const tracks = playlist.pages[0]?.items ?? [];
  const first = tracks[0];
  if (!first) throw new Error('no tracks');
  player.playTracks(tracks, 0, undefined, LIVING_ROOM_ID);
  usePlayerStore.setState({ wantsToPlay: false });
  const show = (qc: QueryClient = queryClient) =>
    render(
      <QueryClientProvider client={qc}>
        <Player access={access} />
      </QueryClientProvider>,
    );
  const onServer = () =>
    fake.model.servers[0]?.library.tracks.find((t) => t.ratingKey === first.id);
  const rateRequests = () => fake.requests.filter((r) => r.path === '/:/rate');
  const cached = (qc: QueryClient = queryClient): Track | undefined =>
    qc
      .getQueryData<InfiniteData<ItemsPage<Track>>>(playlistItemsQuery(access, '9001').queryKey)
      ?.pages[0]?.items.find((t) => t.id === first.id);
  return { fake, access, queryClient, first, show, onServer, rateRequests, cached };
}

const fullPlayer = () => screen.getByRole('dialog', { name: 'Now playing' });
const star = (n: number) =>
  within(fullPlayer()).getByRole('button', { name: `${n} star${n > 1 ? 's' : ''}` });
const starsShown = () =>
  [1, 2, 3, 4, 5].filter((n) => star(n).getAttribute('aria-pressed') === 'true').length;
/** The player's views follow a tap that starts a track a moment later (screen-pacing.ts). */
async function openPlayer() {
  await userEvent.click(await screen.findByRole('button', { name: /Open the player/ }));
  await screen.findByRole('dialog', { name: 'Now playing' });
}
async function closePlayer() {
  await userEvent.click(screen.getByRole('button', { name: 'Close the player' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}

beforeEach(async () => {
  onlineManager.setOnline(true);
  await Promise.all([clear(appStore()), clearPersistedQueries()]);
  usePlayerStore.setState({ queue: emptyQueue, serverId: null, nowPlayingOpen: false });
});
afterEach(() => {
  onlineManager.setOnline(true);
  usePlayerStore.setState({ queue: emptyQueue, serverId: null, nowPlayingOpen: false });
});

describe('a star rating', () => {
  it('is still shown when the full player is closed and opened again', async () => {
    const { show, onServer, first } = await setUp();
    expect(first.userRating).toBeUndefined();
    show();
    await openPlayer();
    await userEvent.click(star(4));
    await waitFor(() => expect(starsShown()).toBe(4));
    await waitFor(() => expect(onServer()?.userRating).toBe(8));
    await closePlayer();
    await openPlayer();
    expect(starsShown()).toBe(4);
  });

  it('is written into every cached list that holds the track, at once', async () => {
    const { show, cached, queryClient, access } = await setUp();
    const before = queryClient.getQueryState(playlistItemsQuery(access, '9001').queryKey);
    show();
    await openPlayer();
    await userEvent.click(star(3));
    await waitFor(() => expect(cached()?.userRating).toBe(6));
    // Kept as old as it was: a rating is no reason to fetch 20,000 tracks again.
    expect(
      queryClient.getQueryState(playlistItemsQuery(access, '9001').queryKey)?.dataUpdatedAt,
    ).toBe(before?.dataUpdatedAt);
  });

  it('given offline, waits, shows it waits, and is sent when back online', async () => {
    const { show, onServer, rateRequests, fake } = await setUp();
    show();
    await openPlayer();
    onlineManager.setOnline(false);
    await userEvent.click(star(5));
    await waitFor(() => expect(starsShown()).toBe(5));
    // (The player's notices have their own, empty, status region in the player too.)
    const note = await within(fullPlayer()).findByText(
      /^Offline: the rating is sent when the server can be reached\.$/,
    );
    expect(note.getAttribute('role')).toBe('status');
    expect(rateRequests()).toHaveLength(0);
    onlineManager.setOnline(true);
    await waitFor(() => expect(onServer()?.userRating).toBe(10));
    expect(rateRequests().map((r) => [r.method, r.query.rating, r.query.identifier])).toEqual([
      ['PUT', '10', 'com.plexapp.plugins.library'],
    ]);
    // As a real server takes it: the client's X-Plex-* in the query, the key the track's.
    expect(rateRequests()[0]?.query).toMatchObject({
      key: onServer()?.ratingKey,
      'X-Plex-Token': fake.model.servers[0]?.accessToken,
      'X-Plex-Client-Identifier': 'client-1',
    });
    expect(within(fullPlayer()).queryByText(/Offline:/)).not.toBeInTheDocument();
  });

  it('given offline survives a reload: shown again, and sent once the server can be reached', async () => {
    const { show, onServer, rateRequests, first, fake } = await setUp();
    const before = show();
    await openPlayer();
    onlineManager.setOnline(false);
    await userEvent.click(star(2));
    // Saved on the device, without the token.
    await waitFor(async () => expect(await savedWritesOnDevice()).toHaveLength(1));
    const saved = JSON.stringify(await savedWritesOnDevice());
    expect(saved).toContain(first.id);
    for (const secret of [fake.model.user.token, fake.model.servers[0]?.accessToken ?? '?'])
      expect(saved).not.toContain(secret);
    before.unmount();

    // A reload: a new query client, and the queue as it was saved (without the rating).
    player.playTracks([first], 0, undefined, LIVING_ROOM_ID);
    usePlayerStore.setState({ wantsToPlay: false, nowPlayingOpen: true });
    show(createQueryClient());
    await waitFor(() => expect(starsShown()).toBe(2));
    expect(rateRequests()).toHaveLength(0);
    onlineManager.setOnline(true);
    await waitFor(() => expect(onServer()?.userRating).toBe(4));
    expect(rateRequests().map((r) => r.query.rating)).toEqual(['4']);
    await waitFor(async () => expect(await savedWritesOnDevice()).toEqual([]));
  });

  it('refused by the server goes back, and says so', async () => {
    const { show, fake, cached, onServer } = await setUp();
    fake.faults.add({ kind: 'status', status: 401, path: '/:/rate' });
    show();
    await openPlayer();
    await userEvent.click(star(2));
    const alert = await within(fullPlayer()).findByRole('alert');
    expect(alert.textContent).toMatch(
      /^Couldn't save the rating \(2 stars\): .+ It's back to no stars\.$/,
    );
    expect(starsShown()).toBe(0);
    expect(cached()?.userRating).toBeUndefined();
    expect(onServer()?.userRating).toBeUndefined();
    // Said again when the player is opened again: not lost with the component.
    await closePlayer();
    await openPlayer();
    expect(within(fullPlayer()).getByRole('alert').textContent).toMatch(/Couldn't save the rating/);
  });

  it('refused while the full player is closed goes back, and the player says so', async () => {
    const { show, fake, first } = await setUp();
    fake.faults.add({ kind: 'status', status: 401, path: '/:/rate' });
    show();
    await openPlayer();
    onlineManager.setOnline(false);
    await userEvent.click(star(5));
    await closePlayer();
    onlineManager.setOnline(true);
    expect(
      await screen.findByText(new RegExp(`^Couldn't save the rating of “${first.title}”: .+`)),
    ).toBeVisible();
    await openPlayer();
    expect(starsShown()).toBe(0);
  });
});
