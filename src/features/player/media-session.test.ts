import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import type { ArtworkState } from '../../lib/artwork-cache';
import { startMediaSession } from './media-session';
import { player } from './player';
import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import { emptyQueue } from './queue';

/** A stand-in for navigator.mediaSession that throws where browsers throw. */
class FakeSession {
  metadata: {
    title: string;
    artist: string;
    album: string;
    artwork: Array<{ src: string; sizes: string }>;
  } | null = null;
  playbackState = 'none';
  handlers = new Map<string, (details: { seekTime?: number }) => void>();
  /** Every action ever given a handler, in order (a later null doesn't take it back). */
  registered: string[] = [];
  positions: Array<{ duration: number; position: number }> = [];
  setActionHandler(action: string, handler: ((details: { seekTime?: number }) => void) | null) {
    if (!handler) {
      this.handlers.delete(action);
      return;
    }
    this.registered.push(action);
    this.handlers.set(action, handler);
  }
  setPositionState(state: { duration: number; position: number }) {
    if (!Number.isFinite(state.duration) || state.position > state.duration)
      throw new TypeError('invalid');
    this.positions.push(state);
  }
}

class FakeMetadata {
  title = '';
  constructor(init: object) {
    Object.assign(this, init);
  }
}

const track = (id: string): Track => ({
  id,
  title: `Song ${id}`,
  artist: 'Band',
  album: 'Record',
  thumb: `/thumb/${id}`,
  durationMs: 200_000,
  media: null,
});
let session: FakeSession;
let stop: () => void;
/** Artwork asked for and not yet let go, by track id: `ready` delivers it. */
let held: Map<string, { px: number; onChange: (state: ArtworkState) => void }>;
const ready = (id: string) =>
  held.get(id)?.onChange({ status: 'ready', url: `blob:app/${id}`, type: 'image/jpeg' });

beforeEach(() => {
  session = new FakeSession();
  Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true });
  Object.defineProperty(globalThis, 'MediaMetadata', { value: FakeMetadata, configurable: true });
  usePlayerStore.setState({ queue: emptyQueue, wantsToPlay: false, status: 'idle' });
  held = new Map();
  stop = startMediaSession((t, px, onChange) => {
    onChange({ status: 'loading' });
    held.set(t.id, { px, onChange });
    return () => held.delete(t.id);
  });
});
afterEach(() => stop());

describe('media session', () => {
  it('shows the current track at once, and its artwork from memory once it plays', () => {
    player.playTracks([track('1'), track('2')], 0);
    expect(session.metadata?.title).toBe('Song 1');
    // Not yet: the artwork fetch would compete with the first audio.
    expect(held.size).toBe(0);
    expect(session.metadata?.artwork).toEqual([]);
    usePlayerStore.setState({ status: 'playing' });
    expect(held.get('1')?.px).toBe(512);
    expect(session.metadata?.artwork).toEqual([]);
    ready('1');
    expect(session.metadata?.title).toBe('Song 1');
    expect(session.metadata?.artwork).toEqual([
      { src: 'blob:app/1', sizes: '512x512', type: 'image/jpeg' },
    ]);
    expect(session.playbackState).toBe('playing');
  });

  it('lets the artwork go with its track, and never shows one that arrives too late', () => {
    player.playTracks([track('1'), track('2')], 0);
    usePlayerStore.setState({ status: 'playing' });
    const late = held.get('1');
    player.next();
    expect(held.has('1')).toBe(false);
    late?.onChange({ status: 'ready', url: 'blob:app/1', type: 'image/jpeg' });
    expect(session.metadata?.title).toBe('Song 2');
    expect(session.metadata?.artwork).toEqual([]);
    stop();
    expect(held.size).toBe(0);
  });

  it('lets the lock screen play, pause, skip and seek', () => {
    const seeks: number[] = [];
    const idle = () => undefined;
    const detach = player.attach({
      ...{ load: idle, play: idle, pause: idle, setVolume: idle, queueChanged: idle, prime: idle },
      seek: (ms) => void seeks.push(ms),
    });
    player.playTracks([track('1'), track('2')], 0);
    session.handlers.get('pause')?.({});
    expect(usePlayerStore.getState().wantsToPlay).toBe(false);
    session.handlers.get('nexttrack')?.({});
    expect(session.metadata?.title).toBe('Song 2');
    session.handlers.get('seekto')?.({ seekTime: 42 });
    expect(seeks).toEqual([42_000]);
    detach();
    expect(session.handlers.has('seekforward')).toBe(false);
  });

  it('keeps the position state valid: clamped, and skipped while the duration is unknown', () => {
    player.playTracks([track('1')], 0);
    usePositionStore.getState().setPosition('x', 5_000, Number.NaN);
    usePositionStore.getState().setPosition('x', 250_000, 200_000);
    usePlayerStore.setState({ status: 'playing' });
    expect(session.positions.at(-1)).toEqual({ duration: 200, position: 200, playbackRate: 1 });
  });

  it('starts from where the player already is: a tap made before it started still shows playing', () => {
    stop();
    session = new FakeSession();
    Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true });
    // Tapped while the player's code was still arriving: the store wants to play already.
    player.playTracks([track('1')], 0);
    stop = startMediaSession(() => () => undefined);
    expect(session.playbackState).toBe('playing');
    expect(session.metadata?.title).toBe('Song 1');
    player.pause();
    expect(session.playbackState).toBe('paused');
  });

  it('shows a restored queue as paused, and nothing at all without one', () => {
    stop();
    session = new FakeSession();
    Object.defineProperty(navigator, 'mediaSession', { value: session, configurable: true });
    stop = startMediaSession(() => () => undefined);
    expect(session.playbackState).toBe('none');
    stop();
    usePlayerStore.setState({
      queue: { ...emptyQueue, items: [{ uid: 'a', track: track('1') }], index: 0 },
      wantsToPlay: false,
    });
    stop = startMediaSession(() => () => undefined);
    expect(session.playbackState).toBe('paused');
  });

  it('sets its handlers again when playback starts (WebKit drops them)', () => {
    player.playTracks([track('1')], 0);
    session.handlers.clear();
    usePlayerStore.setState({ status: 'playing' });
    expect([...session.handlers.keys()].sort()).toEqual([
      'nexttrack',
      'pause',
      'play',
      'previoustrack',
      'seekto',
    ]);
  });
});

describe('media session on iOS', () => {
  it('never registers seekforward/seekbackward: on iOS they replace previous/next (navidrome#3452)', () => {
    player.playTracks([track('1'), track('2')], 0);
    // Handlers are set at start and again on every "playing" (WebKit drops them).
    usePlayerStore.setState({ status: 'playing' });
    usePlayerStore.setState({ status: 'paused' });
    usePlayerStore.setState({ status: 'playing' });
    expect(session.registered).not.toContain('seekforward');
    expect(session.registered).not.toContain('seekbackward');
    expect(session.handlers.has('previoustrack')).toBe(true);
    expect(session.handlers.has('nexttrack')).toBe(true);
  });
});
