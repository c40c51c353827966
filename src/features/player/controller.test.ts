import { describe, expect, it, vi } from 'vitest';
import type { Track } from '../../domain';
import { controllerHarness, player, resolve, store, track } from './controller-test-kit';
import { BUFFERING_AFTER_MS } from './playback-reports';
import { usePlayerStore } from './player-store';
import { emptyQueue } from './queue';
import { isScreenHeld } from './screen-pacing';

const h = controllerHarness();

describe('player controller', () => {
  it('plays the tapped track, h.reports it, and prepares the next one once it has started', () => {
    vi.useFakeTimers();
    player.playTracks([track('1'), track('2')], 0);
    expect(h.engine.calls).toContain('load u1 @0 autoplay');
    h.engine.emit({ type: 'playing' });
    expect(store().status).toBe('playing');
    // It sounded at once: Plex hears "playing", no "buffering" first.
    expect(h.reports.map((r) => r.state)).toEqual(['playing']);
    // The starting track has the connection to itself for a moment.
    expect(h.engine.preloaded).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(h.engine.preloaded).toBe('u2');
  });

  it('tells Plex "buffering" only when a start takes a while', () => {
    vi.useFakeTimers();
    player.playTracks([track('1')], 0);
    h.engine.emit({ type: 'loading' });
    vi.advanceTimersByTime(BUFFERING_AFTER_MS - 1);
    expect(h.reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(h.reports.map((r) => [r.state, r.trackId])).toEqual([['buffering', '1']]);
    h.engine.emit({ type: 'playing' });
    expect(h.reports.map((r) => r.state)).toEqual(['buffering', 'playing']);
  });

  it('starts fetching a track the mouse is pressed on, but not the one already playing', () => {
    player.playTracks([track('1'), track('2')], 0);
    player.prime(track('2'));
    expect(h.engine.calls.at(-1)).toBe('prime u2');
    player.prime(track('1'));
    expect(h.engine.calls.at(-1)).toBe('prime u2');
  });

  it('plays a copy read from the device, and drops a read overtaken by a newer tap', async () => {
    let release: (() => void) | null = null;
    h.restart({
      // Track 1's copy is slow to read; track 2 streams at once.
      resolve: (t) =>
        t.id === '1'
          ? new Promise((done) => {
              release = () =>
                done({ ok: true, source: { url: 'blob:1', format: 'mp3', transcoded: false } });
            })
          : resolve(t),
    });
    player.playTracks([track('1'), track('2')], 0);
    expect(h.engine.calls.filter((c) => c.startsWith('load'))).toEqual([]);
    player.playTracks([track('1'), track('2')], 1);
    expect(h.engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    (release as (() => void) | null)?.();
    await Promise.resolve();
    expect(h.engine.calls.at(-1)).toBe('load u2 @0 autoplay');
  });

  it('skips a track that cannot play while playing, but never while paused', () => {
    const notDownloaded = (t: Track) =>
      t.id === '1' ? ({ ok: false, reason: "it isn't downloaded" } as const) : resolve(t);
    h.restart({ resolve: notDownloaded });
    usePlayerStore.setState({ queue: { ...emptyQueue, items: [], original: [] } });
    player.playTracks([track('1'), track('2')], 0);
    expect(h.engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    expect(store().notice).toMatch(/Skipped “Song 1”: it isn't downloaded/);

    // A restored queue, paused, whose current track can't play now: it stays where it was.
    player.pause();
    usePlayerStore.setState((s) => ({ queue: { ...s.queue, index: 0 }, notice: null }));
    // Reopened: the audio side starts with the queue as it was stored.
    h.restart({ resolve: notDownloaded });
    expect(store().queue.index).toBe(0);
    expect(store().notice).toBeNull();
  });

  it('does not preload for a track that was replaced before its moment came', () => {
    vi.useFakeTimers();
    player.playTracks([track('1'), track('2'), track('3')], 0);
    h.engine.emit({ type: 'playing' });
    player.playTracks([track('7')], 0);
    vi.advanceTimersByTime(1_000);
    expect(h.engine.preloaded).toBeNull();
  });

  it('moves to the next track when one ends, and h.scrobbles past 90 %', () => {
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 95_000, durationMs: 100_000 });
    h.engine.emit({ type: 'ended' });
    expect(h.engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    expect(h.scrobbles).toEqual(['1']);
    expect(h.reports.some((r) => r.state === 'stopped' && r.trackId === '1')).toBe(true);
  });

  it('skips a track with no playable file and says why', () => {
    player.playTracks([track('1', false), track('2')], 0);
    expect(h.engine.calls).toContain('load u2 @0 autoplay');
    expect(store().notice).toBe('Skipped “Song 1”: no file.');
  });

  it('stops, rather than spin, when nothing in the queue can play', () => {
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    expect(store().wantsToPlay).toBe(false);
    expect(store().notice).toMatch(/Nothing else in the queue could play either/);
  });

  it('stops after a few tracks in a row fail, rather than skip through a long queue', () => {
    player.playTracks(
      Array.from({ length: 50 }, (_, i) => track(String(i + 1))),
      0,
    );
    const fail = () =>
      h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    fail();
    fail();
    expect(store().wantsToPlay).toBe(true); // two bad files: skipped, still playing
    fail();
    expect(store().wantsToPlay).toBe(false);
    expect(store().queue.index).toBe(2);
    expect(store().notice).toMatch(/3 tracks in a row couldn't play/);
    expect(store().notice).toMatch(/sound output/);
  });

  it('counts a track that says "playing" and fails at 0 s as failed (Firefox with no sound output)', () => {
    player.playTracks(
      Array.from({ length: 50 }, (_, i) => track(String(i + 1))),
      0,
    );
    for (let i = 0; i < 3; i += 1) {
      h.engine.emit({ type: 'playing' });
      h.engine.emit({ type: 'time', positionMs: 0, durationMs: 8_000 });
      h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    }
    expect(store().wantsToPlay).toBe(false);
    expect(store().queue.index).toBe(2);
    // One that is heard for a while clears the count: its neighbours' failures were theirs.
    player.playTracks([track('a'), track('b'), track('c'), track('d')], 0);
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 2_500, durationMs: 8_000 });
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    expect(store().wantsToPlay).toBe(true);
  });

  it('restarts the track when "previous" comes more than 3 s in, else goes back', () => {
    player.playTracks([track('1'), track('2')], 1);
    player.previous(5_000);
    expect(h.engine.calls.at(-1)).toBe('seek 0');
    player.previous(1_000);
    expect(h.engine.calls.at(-1)).toBe('load u1 @0 autoplay');
  });

  it('holds the screen from a tap until the track sounds, or until it is clear it won’t', () => {
    player.playTracks([track('1'), track('2')], 0);
    expect(isScreenHeld()).toBe(true);
    h.engine.emit({ type: 'time', positionMs: 0, durationMs: 100_000 });
    expect(isScreenHeld()).toBe(true);
    h.engine.emit({ type: 'playing' });
    expect(isScreenHeld()).toBe(false);
    // Next from the player while playing: held again until the next track sounds.
    player.next();
    expect(isScreenHeld()).toBe(true);
    h.engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    expect(isScreenHeld()).toBe(false);
    // A tapped track with nothing to play is skipped with a notice shown at once.
    player.playTracks([track('3', false), track('4')], 0);
    expect(isScreenHeld()).toBe(false);
    expect(store().notice).toMatch(/Skipped “Song 3”/);
    // Paused, "next" starts nothing: the screen follows at once.
    h.engine.emit({ type: 'paused' });
    player.pause();
    player.next();
    expect(isScreenHeld()).toBe(false);
  });

  it('plays a track tapped before the audio side had started, once it starts', () => {
    h.stop();
    h.engine.calls = [];
    // The runtime chunk still on its way: the tap changes the state only.
    player.playTracks([track('1'), track('2')], 0);
    player.next();
    expect(h.engine.calls).toEqual([]);
    h.restart({ resolve });
    expect(h.engine.calls).toEqual(['unload', 'load u2 @0 autoplay']);
  });

  it('loads paused a track tapped and paused again before the audio side had started', () => {
    h.stop();
    h.engine.calls = [];
    player.playTracks([track('1')], 0);
    player.pause();
    h.restart({ resolve });
    expect(h.engine.calls.at(-1)).toBe('load u1 @0');
  });

  it('follows play and pause', () => {
    player.playTracks([track('1')], 0);
    player.pause();
    player.play();
    expect(h.engine.calls.slice(-2)).toEqual(['pause', 'play']);
  });

  it('repeats one track from the start', () => {
    player.playTracks([track('1'), track('2')], 0);
    player.cycleRepeat();
    player.cycleRepeat();
    h.engine.emit({ type: 'ended' });
    expect(h.engine.calls.filter((c) => c.startsWith('load'))).toEqual([
      'load u1 @0 autoplay',
      'load u1 @0 autoplay',
    ]);
  });

  it('tells Plex "stopped" for a skipped track, at the end of the queue and when the player closes', () => {
    player.playTracks([track('1'), track('2'), track('3')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 12_000, durationMs: 100_000 });
    player.next();
    // The skipped entry stops where it was; then the next one is heard.
    expect(h.reports.map((r) => [r.trackId, r.state, r.timeMs])).toEqual([
      ['1', 'playing', 0],
      ['1', 'stopped', 12_000],
    ]);
    h.engine.emit({ type: 'playing' });
    player.jumpTo(2);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'ended' });
    expect(h.reports.filter((r) => r.state === 'stopped').map((r) => r.trackId)).toEqual([
      '1',
      '2',
      '3',
    ]);
    // Nothing plays after the last track: no report for anything else.
    expect(store().wantsToPlay).toBe(false);
    player.playTracks([track('4')], 0);
    h.engine.emit({ type: 'playing' });
    h.stop();
    expect(h.reports.at(-1)).toMatchObject({ trackId: '4', state: 'stopped' });
  });

  it('lets go of a next track prepared at a quality the user has just changed', async () => {
    vi.useFakeTimers();
    const pending: Array<() => void> = [];
    const released: string[] = [];
    h.restart({
      resolve: (t, _quality, purpose) =>
        purpose === 'preload'
          ? new Promise((done) => {
              pending.push(() =>
                done({
                  ok: true,
                  source: {
                    url: `t${t.id}`,
                    format: 'mp3',
                    transcoded: true,
                    release: () => void released.push(t.id),
                  },
                }),
              );
            })
          : resolve(t),
    });
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    vi.advanceTimersByTime(1_000);
    player.setQuality('128');
    for (const finish of pending) finish();
    await vi.runOnlyPendingTimersAsync();
    expect(h.engine.preloaded).not.toBe('t2');
    expect(released).toEqual(['2']);
  });
});
