import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Track } from '../../domain';
import { BUFFERING_AFTER_MS, startPlayerController } from './controller';
import type { AudioEngine, EngineEvent, PlaybackSource } from './engine/audio-engine';
import type { SourceResult } from './playback-source';
import { usePlayerStore } from './player-store';
import { loadPosition, usePositionStore } from './position-store';
import { emptyQueue } from './queue';
import { isScreenHeld, releaseScreen } from './screen-pacing';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';

class FakeEngine implements AudioEngine {
  calls: string[] = [];
  preloaded: string | null = null;
  private listeners = new Set<(e: EngineEvent) => void>();
  load(source: PlaybackSource, o: { startAtMs: number; autoplay: boolean }) {
    this.calls.push(`load ${source.url} @${o.startAtMs}${o.autoplay ? ' autoplay' : ''}`);
  }
  play() {
    this.calls.push('play');
  }
  pause() {
    this.calls.push('pause');
  }
  seek(ms: number) {
    this.calls.push(`seek ${ms}`);
  }
  setVolume() {}
  prime(source: PlaybackSource) {
    this.calls.push(`prime ${source.url}`);
  }
  preload(source: PlaybackSource | null) {
    this.preloaded = source?.url ?? null;
  }
  unload() {
    this.calls.push('unload');
  }
  subscribe(listener: (e: EngineEvent) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: EngineEvent) {
    for (const l of this.listeners) l(e);
  }
}

const track = (id: string, playable = true): Track => ({
  id,
  title: `Song ${id}`,
  artist: 'A',
  album: 'B',
  durationMs: 100_000,
  media: playable ? { partId: Number(id), partKey: `/parts/${id}` } : null,
});
const resolve = (t: Track): SourceResult =>
  t.media
    ? { ok: true, source: { url: `u${t.id}`, format: 'mp3', transcoded: false } }
    : { ok: false, reason: 'no file' };

let engine: FakeEngine;
let stop: () => void;
let reports: TimelineReport[];
let scrobbles: string[];
let stalls: number;

beforeEach(() => {
  usePlayerStore.setState({
    queue: emptyQueue,
    wantsToPlay: false,
    status: 'idle',
    notice: null,
    failuresInARow: 0,
    loadId: 0,
    startAtMs: null,
    seekTo: null,
  });
  usePositionStore.setState({ uid: null, positionMs: 0, durationMs: 0 });
  engine = new FakeEngine();
  reports = [];
  scrobbles = [];
  stalls = 0;
  const reporter = createTimelineReporter({
    timeline: async (r) => void reports.push(r),
    scrobble: async (id) => void scrobbles.push(id),
  });
  stop = startPlayerController({
    engine,
    resolve,
    reporter,
    onStall: async () => void (stalls += 1),
    stallAfterMs: 3000,
  });
});
afterEach(() => {
  stop();
  releaseScreen();
  vi.useRealTimers();
});

const store = () => usePlayerStore.getState();

describe('player controller', () => {
  it('plays the tapped track, reports it, and prepares the next one once it has started', () => {
    vi.useFakeTimers();
    store().playTracks([track('1'), track('2')], 0);
    expect(engine.calls).toContain('load u1 @0 autoplay');
    engine.emit({ type: 'playing' });
    expect(store().status).toBe('playing');
    // It sounded at once: Plex hears "playing", no "buffering" first.
    expect(reports.map((r) => r.state)).toEqual(['playing']);
    // The starting track has the connection to itself for a moment.
    expect(engine.preloaded).toBeNull();
    vi.advanceTimersByTime(1_000);
    expect(engine.preloaded).toBe('u2');
  });

  it('tells Plex "buffering" only when a start takes a while', () => {
    vi.useFakeTimers();
    store().playTracks([track('1')], 0);
    engine.emit({ type: 'loading' });
    vi.advanceTimersByTime(BUFFERING_AFTER_MS - 1);
    expect(reports).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reports.map((r) => [r.state, r.trackId])).toEqual([['buffering', '1']]);
    engine.emit({ type: 'playing' });
    expect(reports.map((r) => r.state)).toEqual(['buffering', 'playing']);
  });

  it('starts fetching a track the mouse is pressed on, but not the one already playing', () => {
    store().playTracks([track('1'), track('2')], 0);
    store().prime(track('2'));
    expect(engine.calls.at(-1)).toBe('prime u2');
    store().prime(track('1'));
    expect(engine.calls.at(-1)).toBe('prime u2');
  });

  it('plays a copy read from the device, and drops a read overtaken by a newer tap', async () => {
    stop();
    let release: (() => void) | null = null;
    stop = startPlayerController({
      engine,
      // Track 1's copy is slow to read; track 2 streams at once.
      resolve: (t) =>
        t.id === '1'
          ? new Promise((done) => {
              release = () =>
                done({ ok: true, source: { url: 'blob:1', format: 'mp3', transcoded: false } });
            })
          : resolve(t),
    });
    store().playTracks([track('1'), track('2')], 0);
    expect(engine.calls.filter((c) => c.startsWith('load'))).toEqual([]);
    store().playTracks([track('1'), track('2')], 1);
    expect(engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    (release as (() => void) | null)?.();
    await Promise.resolve();
    expect(engine.calls.at(-1)).toBe('load u2 @0 autoplay');
  });

  it('skips a track that cannot play while playing, but never while paused', () => {
    stop();
    stop = startPlayerController({
      engine,
      resolve: (t) => (t.id === '1' ? { ok: false, reason: "it isn't downloaded" } : resolve(t)),
    });
    usePlayerStore.setState({ queue: { ...emptyQueue, items: [], original: [] } });
    store().playTracks([track('1'), track('2')], 0);
    expect(engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    expect(store().notice).toMatch(/Skipped “Song 1”: it isn't downloaded/);

    // A restored queue, paused, whose current track can't play now: it stays where it was.
    store().pause();
    usePlayerStore.setState((s) => ({
      queue: { ...s.queue, index: 0 },
      loadId: s.loadId + 1,
      notice: null,
    }));
    expect(store().queue.index).toBe(0);
    expect(store().notice).toBeNull();
  });

  it('keeps its place when stopped with a queue (a revoked sign-in), and shows it while waiting', async () => {
    store().playTracks([track('1'), track('2')], 0);
    engine.emit({ type: 'playing' });
    engine.emit({ type: 'time', positionMs: 42_000, durationMs: 100_000 });
    stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(await loadPosition()).toEqual({ uid: store().queue.items[0]?.uid, positionMs: 42_000 });

    // Started again with no server yet: paused, showing where it will resume.
    usePositionStore.setState({ uid: null, positionMs: 0, durationMs: 0 });
    store().pause();
    usePlayerStore.setState({ startAtMs: 42_000 });
    stop = startPlayerController({
      engine,
      resolve: () => ({ ok: false, reason: "the server can't be reached", waiting: true }),
    });
    expect(usePositionStore.getState()).toMatchObject({ positionMs: 42_000, durationMs: 100_000 });
    expect(store().startAtMs).toBe(42_000);
  });

  it('does not preload for a track that was replaced before its moment came', () => {
    vi.useFakeTimers();
    store().playTracks([track('1'), track('2'), track('3')], 0);
    engine.emit({ type: 'playing' });
    store().playTracks([track('7')], 0);
    vi.advanceTimersByTime(1_000);
    expect(engine.preloaded).toBeNull();
  });

  it('moves to the next track when one ends, and scrobbles past 90 %', () => {
    store().playTracks([track('1'), track('2')], 0);
    engine.emit({ type: 'playing' });
    engine.emit({ type: 'time', positionMs: 95_000, durationMs: 100_000 });
    engine.emit({ type: 'ended' });
    expect(engine.calls.at(-1)).toBe('load u2 @0 autoplay');
    expect(scrobbles).toEqual(['1']);
    expect(reports.some((r) => r.state === 'stopped' && r.trackId === '1')).toBe(true);
  });

  it('skips a track with no playable file and says why', () => {
    store().playTracks([track('1', false), track('2')], 0);
    expect(engine.calls).toContain('load u2 @0 autoplay');
    expect(store().notice).toBe('Skipped “Song 1”: no file.');
  });

  it('stops, rather than spin, when nothing in the queue can play', () => {
    store().playTracks([track('1'), track('2')], 0);
    engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    expect(store().wantsToPlay).toBe(false);
    expect(store().notice).toMatch(/Nothing else in the queue could play either/);
  });

  it('restarts the track when "previous" comes more than 3 s in, else goes back', () => {
    store().playTracks([track('1'), track('2')], 1);
    store().previous(5_000);
    expect(engine.calls.at(-1)).toBe('seek 0');
    store().previous(1_000);
    expect(engine.calls.at(-1)).toBe('load u1 @0 autoplay');
  });

  it('holds the screen from a tap until the track sounds, or until it is clear it won’t', () => {
    store().playTracks([track('1'), track('2')], 0);
    expect(isScreenHeld()).toBe(true);
    engine.emit({ type: 'time', positionMs: 0, durationMs: 100_000 });
    expect(isScreenHeld()).toBe(true);
    engine.emit({ type: 'playing' });
    expect(isScreenHeld()).toBe(false);
    // Next from the player while playing: held again until the next track sounds.
    store().next();
    expect(isScreenHeld()).toBe(true);
    engine.emit({ type: 'error', message: 'the file is damaged or empty', network: false });
    expect(isScreenHeld()).toBe(false);
    // A tapped track with nothing to play is skipped with a notice shown at once.
    store().playTracks([track('3', false), track('4')], 0);
    expect(isScreenHeld()).toBe(false);
    expect(store().notice).toMatch(/Skipped “Song 3”/);
    // Paused, "next" starts nothing: the screen follows at once.
    engine.emit({ type: 'paused' });
    store().pause();
    store().next();
    expect(isScreenHeld()).toBe(false);
  });

  it('follows play and pause', () => {
    store().playTracks([track('1')], 0);
    store().pause();
    store().play();
    expect(engine.calls.slice(-2)).toEqual(['pause', 'play']);
  });

  it('repeats one track from the start', () => {
    store().playTracks([track('1'), track('2')], 0);
    store().cycleRepeat();
    store().cycleRepeat();
    engine.emit({ type: 'ended' });
    expect(engine.calls.filter((c) => c.startsWith('load'))).toEqual([
      'load u1 @0 autoplay',
      'load u1 @0 autoplay',
    ]);
  });

  it('fails over and resumes when the connection drops mid-track, skipping only if it drops again', async () => {
    store().playTracks([track('1'), track('2')], 0);
    engine.emit({ type: 'playing' });
    engine.emit({ type: 'time', positionMs: 30_000, durationMs: 100_000 });
    engine.emit({
      type: 'error',
      message: 'the connection dropped while loading it',
      network: true,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(stalls).toBe(1);
    expect(engine.calls.at(-1)).toBe('load u1 @30000 autoplay');
    engine.emit({
      type: 'error',
      message: 'the connection dropped while loading it',
      network: true,
    });
    expect(engine.calls.at(-1)).toBe('load u2 @0 autoplay');
  });

  it('fails over when a playing stream stops moving, and resumes at the same position', async () => {
    vi.useFakeTimers();
    stop();
    engine = new FakeEngine();
    stop = startPlayerController({
      engine,
      resolve,
      onStall: async () => void (stalls += 1),
      stallAfterMs: 3000,
    });
    store().playTracks([track('1')], 0);
    engine.emit({ type: 'playing' });
    engine.emit({ type: 'time', positionMs: 42_000, durationMs: 100_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(stalls).toBe(1);
    expect(engine.calls.at(-1)).toBe('load u1 @42000 autoplay');
  });
});
