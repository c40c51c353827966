import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { playlistSetId, useDownloadsStore } from '../../src/features/downloads';
import { saveJobs, saveSet } from '../../src/features/downloads/download-db';
import { loadDownloads } from '../../src/features/downloads/tab-group';
import { JOB_VERSION, SET_VERSION, jobKey } from '../../src/features/downloads/types';
import { emptyQueue, usePlayerStore } from '../../src/features/player';
import { LIVING_ROOM_ID } from '../fake-plex/scenarios';
import { fake, renderApp, appTests } from './app-harness';

appTests({ signedIn: true });
// Downloads outlive a test's app (their own databases): each test starts with none.
afterEach(async () => {
  await loadDownloads();
  await useDownloadsStore.getState().removeAll();
  usePlayerStore.setState({ queue: emptyQueue, serverId: null });
});

/** Road Trip's tracks on the fake server, in its order (tests/fake-plex/library.ts). */
const roadTripTracks = () => {
  const playlist = fake().model.servers[0]?.library.playlists.find((p) => p.ratingKey === '9001');
  if (!playlist) throw new Error('no Road Trip on the fake server');
  return Array.from({ length: playlist.size }, (_, i) => playlist.itemAt(i));
};
const roadTrip = () => roadTripTracks().map((t) => t.ratingKey);

/** Road Trip downloaded on an earlier visit: its records as the downloads wrote them. */
async function downloadedEarlier(): Promise<void> {
  const keys: string[] = [];
  await saveJobs(
    roadTripTracks().map((t, seq) => {
      const key = jobKey(LIVING_ROOM_ID, t.partId, 'original');
      keys.push(key);
      const size = 1000;
      return {
        v: JOB_VERSION,
        key,
        track: {
          id: t.ratingKey,
          title: t.title,
          artist: 'Aurora Lines',
          album: 'Record',
          media: { partId: t.partId, partKey: `/library/parts/${t.partId}/1/file`, size },
        },
        quality: 'original' as const,
        serverId: LIVING_ROOM_ID,
        status: 'done' as const,
        bytes: size,
        total: size,
        chunks: 0,
        validator: null,
        attempts: 0,
        retryAt: null,
        error: null,
        addedAt: 1,
        seq,
      };
    }),
  );
  await saveSet({
    v: SET_VERSION,
    id: playlistSetId(LIVING_ROOM_ID, '9001'),
    kind: 'playlist',
    title: 'Road Trip',
    serverId: LIVING_ROOM_ID,
    keys,
    addedAt: 1,
  });
  // Read as a start reads them (the app's own read happens once per page, at its first start).
  await loadDownloads();
}

/** The rows on screen (the list mounts only those near it) and their play buttons. */
const playButtons = (list: HTMLElement) => [
  ...list.querySelectorAll<HTMLButtonElement>('button.track-play'),
];

/**
 * The library's views get the player and downloads from their routes (app/routes/*-route.tsx,
 * decision 030): what the rows show and do has to reach the other features through them.
 */
describe('a playlist route', () => {
  it("hands the rows the player's commands: a tapped row plays the playlist from there", async () => {
    usePlayerStore.setState({ queue: emptyQueue, serverId: null });
    renderApp('/playlists/9001');
    const list = await screen.findByRole('list', { name: 'Tracks in Road Trip' });
    const second = playButtons(list)[1];
    if (!second) throw new Error('fewer than two rows shown');
    expect(second.getAttribute('aria-current')).toBeNull();
    await userEvent.click(second);
    // The row that was tapped is the one playing, as the player tells the list.
    await waitFor(() => expect(second.getAttribute('aria-current')).toBe('true'));
    const { queue, serverId } = usePlayerStore.getState();
    expect(serverId).toBe(LIVING_ROOM_ID);
    expect(queue.items.map((i) => i.track.id)).toEqual(roadTrip());
    expect(queue.items[queue.index]?.track.id).toBe(roadTrip()[1]);
  });

  it("shows the downloads' availability and button: a downloaded playlist is marked so", async () => {
    await downloadedEarlier();
    renderApp('/playlists/9001');
    const list = await screen.findByRole('list', { name: 'Tracks in Road Trip' });
    const shown = playButtons(list).length;
    expect(shown).toBeGreaterThan(1);
    // Every row on screen has its copy on the device, and the button says the whole is there.
    await waitFor(() =>
      expect(within(list).getAllByRole('img', { name: 'Downloaded' })).toHaveLength(shown),
    );
    expect(await screen.findByText(`Downloaded (${roadTrip().length})`)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Remove download' })).toBeVisible();
  });

  it('offers a download of a playlist that has none, with no row marked', async () => {
    renderApp('/playlists/9001');
    const list = await screen.findByRole('list', { name: 'Tracks in Road Trip' });
    expect(
      await screen.findByRole('button', { name: 'Download Road Trip for offline play' }),
    ).toBeVisible();
    expect(within(list).queryAllByRole('img', { name: 'Downloaded' })).toHaveLength(0);
  });
});
