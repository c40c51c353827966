import { render as renderIn, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import { NowPlaying } from './now-playing';
import { player } from './player';
import { usePlayerStore } from './player-store';
import { emptyQueue } from './queue';

const track = aTrack({
  id: '1',
  artist: 'Band',
  album: 'Record',
  durationMs: 200_000,
  media: null,
});

/** The rating is a mutation: the full player lives inside a query client. */
const render = (ui: ReactElement) =>
  renderIn(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

/** iOS: an element's volume can't be set, and always reads 1. */
function volumeFixedAtOne() {
  Object.defineProperty(HTMLMediaElement.prototype, 'volume', {
    configurable: true,
    get: () => 1,
    set: () => undefined,
  });
}
const jsdomVolume = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'volume');

beforeEach(() => {
  usePlayerStore.setState({ queue: emptyQueue, wantsToPlay: false, status: 'idle' });
  player.playTracks([track], 0);
  usePlayerStore.setState({ wantsToPlay: false, nowPlayingOpen: true });
});
afterEach(() => {
  if (jsdomVolume) Object.defineProperty(HTMLMediaElement.prototype, 'volume', jsdomVolume);
  usePlayerStore.setState({ queue: emptyQueue, nowPlayingOpen: false });
});

describe('Now Playing volume', () => {
  it('offers mute and a level slider where the browser sets an element’s volume', () => {
    render(<NowPlaying urlFor={null} />);
    expect(screen.getByRole('slider', { name: 'Volume' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Mute' })).toBeVisible();
    expect(screen.queryByText(/use your device’s buttons/)).not.toBeInTheDocument();
  });

  it('names the device’s buttons instead where the volume is fixed (iOS)', () => {
    volumeFixedAtOne();
    render(<NowPlaying urlFor={null} />);
    expect(screen.getByText('Volume: use your device’s buttons')).toBeVisible();
    expect(screen.queryByRole('slider', { name: 'Volume' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^(Mute|Unmute)$/ })).not.toBeInTheDocument();
  });
});
