import { afterEach, beforeEach, vi } from 'vitest';
import type { Track } from '../../domain';
import { startPlayerController, type ControllerDeps } from './controller';
import type { AudioEngine, EngineEvent, PlaybackSource } from './engine/audio-engine';
import type { SourceResult } from './playback-source';
import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import { emptyQueue } from './queue';
import { releaseScreen } from './screen-pacing';
import { createTimelineReporter, type TimelineReport } from './timeline-reporter';

/** What the controller tests share: a fake engine, tracks, and a controller started per test. */
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

export const track = (id: string, playable = true): Track => ({
  id,
  title: `Song ${id}`,
  artist: 'A',
  album: 'B',
  durationMs: 100_000,
  media: playable ? { partId: Number(id), partKey: `/parts/${id}` } : null,
});
export const resolve = (t: Track): SourceResult =>
  t.media
    ? { ok: true, source: { url: `u${t.id}`, format: 'mp3', transcoded: false } }
    : { ok: false, reason: 'no file' };

export interface Harness {
  engine: FakeEngine;
  reports: TimelineReport[];
  scrobbles: string[];
  stalls: number;
  stop: () => void;
  /** Stops the running controller and starts another with these deps (the engine kept). */
  restart(deps: Omit<ControllerDeps, 'engine'>): void;
}

/** Registers the per-test set-up; the returned object holds the current test's pieces. */
export function controllerHarness(): Harness {
  const h = {} as Harness;
  beforeEach(() => {
    usePlayerStore.setState({
      queue: emptyQueue,
      wantsToPlay: false,
      status: 'idle',
      notice: null,
      failuresInARow: 0,
    });
    usePositionStore.setState({ uid: null, positionMs: 0, durationMs: 0 });
    h.engine = new FakeEngine();
    h.reports = [];
    h.scrobbles = [];
    h.stalls = 0;
    const reporter = createTimelineReporter({
      timeline: async (r) => void h.reports.push(r),
      scrobble: async (id) => void h.scrobbles.push(id),
    });
    h.stop = startPlayerController({
      engine: h.engine,
      resolve,
      reporter,
      onStall: async () => void (h.stalls += 1),
      stallAfterMs: 3000,
    });
    h.restart = (deps) => {
      h.stop();
      h.stop = startPlayerController({ engine: h.engine, ...deps });
    };
  });
  afterEach(() => {
    h.stop();
    releaseScreen();
    vi.useRealTimers();
  });
  return h;
}

export const store = () => usePlayerStore.getState();
export { player } from './player';
