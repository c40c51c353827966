import { Howl } from 'howler';
import { pageHidden } from '../../../lib/platform/page-hidden';
import type { AudioEngine, EngineEvent, PlaybackSource } from './audio-engine';
import { claimPlaybackAudioSession } from './audio-session';
import {
  mediaErrorDetail,
  onElementEnded,
  pauseStartedEarly,
  prepareAudioAfterFirstGesture,
  skipSeeksInPlace,
  spareFromUnlockReload,
  startBeforeLoaded,
  startOnCanPlay,
} from './howler-setup';
import { dropSound, type Loaded } from './loaded-sound';
import { PrimedSound } from './primed-sound';
import { classifyMediaError, durationOf, handoverDelay, TICK_MS } from './sound-timing';

export { handoverDelay, HANDOVER_LEAD_MS } from './sound-timing';

/**
 * howler in html5 mode: streams (no whole-file decode), plays on iOS lock screens (howler#938).
 * `format` is always given (blob and transcoder URLs have no useful extension), and every Howl
 * is unloaded when done: html5 mode pools only 10 audio elements.
 */
export class HowlerEngine implements AudioEngine {
  private current: Loaded | null = null;
  private upcoming: Loaded | null = null;
  private handover: ReturnType<typeof setTimeout> | null = null;
  private primed = new PrimedSound();
  private listeners = new Set<(event: EngineEvent) => void>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private volume = 1;
  private muted = false;

  constructor() {
    // Before howler's AudioContext exists and before anything plays (docs/decisions/011).
    claimPlaybackAudioSession();
    prepareAudioAfterFirstGesture();
    startOnCanPlay();
  }

  private emit(event: EngineEvent) {
    for (const listener of this.listeners) listener(event);
  }

  private create(source: PlaybackSource): Howl {
    const howl = new Howl({
      src: [source.url],
      format: [source.format],
      html5: true,
      preload: true,
      // A transcoded stream has no length: WebKit says its duration is 0 (Chromium says
      // Infinity), howler takes that for the sound's length and ends it the moment it starts.
      // An endless default sprite leaves the end to the element's own `ended`.
      sprite: source.transcoded ? { __default: [0, Infinity] } : undefined,
      volume: this.muted ? 0 : this.volume,
    });
    spareFromUnlockReload(howl);
    skipSeeksInPlace(howl);
    return howl;
  }

  private startTicker() {
    this.stopTicker();
    this.ticker = setInterval(() => this.tick(), TICK_MS);
  }

  private stopTicker() {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  private tick() {
    const loaded = this.current;
    if (!loaded) return;
    const seconds = loaded.howl.seek();
    const position =
      (loaded.source.offsetMs ?? 0) +
      (typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : 0);
    const duration = durationOf(loaded);
    this.planHandover(position, duration);
    this.emit({ type: 'time', positionMs: position, durationMs: duration });
  }

  private planHandover(positionMs: number, durationMs: number) {
    // Hidden, the next track starts from within the element's `ended` instead (endedHidden):
    // iOS refuses a start from a timer there, and a hidden page's timers may run late anyway.
    if (pageHidden()) return;
    const next = this.upcoming;
    if (this.handover || !next || next.early || !this.current?.howl.playing()) return;
    if (next.howl.state() !== 'loaded') return;
    const delay = handoverDelay(positionMs, durationMs);
    if (delay === null) return;
    this.handover = setTimeout(() => {
      this.handover = null;
      if (pageHidden() || this.upcoming !== next || !this.current?.howl.playing()) return;
      this.startEarly(next);
    }, delay);
  }

  /** Starts the preloaded next track before the controller loads it (load() adopts it). */
  private startEarly(next: Loaded) {
    next.early = true;
    next.howl.once('play', () => (next.announced = true));
    next.howl.volume(this.muted ? 0 : this.volume);
    next.howl.play();
    // Not loaded yet (iOS may not fetch ahead): its element starts now, not at howler's canplay.
    startBeforeLoaded(next.howl);
  }

  /**
   * The current element's own `ended`, inside its task. With the page hidden (the screen
   * locked), iOS lets it start new audio only from within this event: the preloaded next track
   * starts here, and the controller hears of the end here too, so a next track it has to load
   * itself also starts within this task (when its source is at hand). Visible, howler's 'end'
   * and the timer before it do the hand-over as before.
   */
  private endedHidden(loaded: Loaded) {
    if (!pageHidden() || this.current !== loaded || loaded.endHandled) return;
    loaded.endHandled = true;
    this.stopTicker();
    const next = this.upcoming;
    if (next && !next.early) this.startEarly(next);
    this.emit({ type: 'ended' });
  }

  /** The user paused, sought or changed tracks: a next track started early must not go on. */
  private cancelHandover() {
    if (this.handover) clearTimeout(this.handover);
    this.handover = null;
    if (this.upcoming?.early) {
      this.upcoming.howl.stop();
      this.upcoming.early = false;
      this.upcoming.announced = false;
    }
  }

  private wire(loaded: Loaded, startAtMs: number) {
    const { howl } = loaded;
    howl.on('play', () => {
      loaded.endHandled = false;
      this.startTicker();
      this.emit({ type: 'playing' });
    });
    howl.on('pause', () => {
      this.stopTicker();
      this.tick();
      this.emit({ type: 'paused' });
    });
    howl.on('end', () => {
      // Already handled in the element's own `ended` (endedHidden): the same end, a task late.
      if (loaded.endHandled) {
        loaded.endHandled = false;
        return;
      }
      this.stopTicker();
      this.emit({ type: 'ended' });
    });
    loaded.unwatch?.();
    loaded.unwatch = onElementEnded(howl, () => this.endedHidden(loaded));
    const failed = (error: unknown) =>
      this.emit({ type: 'error', ...classifyMediaError(error, mediaErrorDetail(howl)) });
    howl.on('loaderror', (_id, error) => failed(error));
    howl.on('playerror', (_id, error) => failed(error));
    // Resume point: applied once the file is loaded, then shown (even while paused).
    const seekOnce = () => {
      if (startAtMs > 0) howl.seek(startAtMs / 1000);
      this.tick();
    };
    if (howl.state() === 'loaded') seekOnce();
    else howl.once('load', seekOnce);
  }

  load(requested: PlaybackSource, options: { startAtMs: number; autoplay: boolean }): void {
    this.stopTicker();
    if (this.handover) clearTimeout(this.handover);
    this.handover = null;
    const { autoplay } = options;
    // A stream that can't seek starts where it should instead (a resume point, a failover).
    const restart = options.startAtMs > 0 ? requested.restartAt : undefined;
    const source = restart ? restart(options.startAtMs) : requested;
    const startAtMs = restart ? 0 : options.startAtMs;
    const primed = this.primed.take(source.url);
    const reuse = this.upcoming && this.upcoming.source.url === source.url ? this.upcoming : primed;
    // The same stream under another holder's handle (a shared transcode): one handle is kept.
    if (reuse && reuse.source !== source) reuse.source.release?.();
    dropSound(this.current);
    if (this.upcoming && this.upcoming !== reuse) dropSound(this.upcoming);
    if (reuse !== primed) dropSound(primed);
    this.upcoming = null;
    const howl = reuse?.howl ?? this.create(source);
    const loaded: Loaded = { howl, source };
    this.current = loaded;
    this.emit({ type: 'loading' });
    if (reuse?.early && (!autoplay || startAtMs > 0)) howl.stop();
    const alreadyPlaying = reuse?.early === true && howl.playing();
    this.wire(loaded, alreadyPlaying ? 0 : startAtMs);
    howl.volume(this.muted ? 0 : this.volume);
    if (alreadyPlaying) {
      // Started ahead of the hand-over. If howler announced it already, say so ourselves;
      // otherwise its 'play' is still on its way to the listener wire() just added.
      if (reuse.announced) {
        this.startTicker();
        this.emit({ type: 'playing' });
      }
    } else if (autoplay) {
      howl.play();
      if (startAtMs === 0) startBeforeLoaded(howl);
    }
  }

  play(): void {
    const howl = this.current?.howl;
    if (howl && !howl.playing()) howl.play();
  }

  pause(): void {
    this.cancelHandover();
    const howl = this.current?.howl;
    if (!howl) return;
    pauseStartedEarly(howl);
    howl.pause();
  }

  seek(ms: number): void {
    const loaded = this.current;
    if (!loaded) return;
    this.cancelHandover();
    const restartAt = loaded.source.restartAt;
    if (!restartAt) {
      loaded.howl.seek(Math.max(0, ms) / 1000);
      this.tick();
      return;
    }
    // A transcoded stream has no byte ranges: the server starts it again at the new offset
    // (the same session, so the older stream is cut), and that stream takes over.
    const playing = loaded.howl.playing();
    this.stopTicker();
    loaded.unwatch?.();
    loaded.howl.unload();
    const source = restartAt(ms);
    const howl = this.create(source);
    const restarted: Loaded = { howl, source };
    this.current = restarted;
    this.wire(restarted, 0);
    this.emit({ type: 'loading' });
    if (playing) {
      howl.play();
      startBeforeLoaded(howl);
    } else {
      this.tick();
    }
  }

  setVolume(volume: number, muted: boolean): void {
    this.volume = volume;
    this.muted = muted;
    this.current?.howl.volume(muted ? 0 : volume);
    if (this.upcoming?.early) this.upcoming.howl.volume(muted ? 0 : volume);
  }

  preload(source: PlaybackSource | null): void {
    // The same URL is the same stream (a transcode's URL names its session): the extra handle
    // on it goes (a shared stream ends only when its last handle does).
    if (this.upcoming?.source.url === source?.url) {
      if (source && source !== this.upcoming?.source) source.release?.();
      return;
    }
    this.cancelHandover();
    dropSound(this.upcoming);
    this.upcoming = source ? { howl: this.create(source), source } : null;
  }

  prime(source: PlaybackSource): void {
    const known = [this.current, this.upcoming, this.primed.loaded];
    const same = known.find((loaded) => loaded?.source.url === source.url);
    if (same) {
      if (same.source !== source) source.release?.();
      return;
    }
    this.primed.hold(() => ({ howl: this.create(source), source }));
  }

  unload(): void {
    this.stopTicker();
    this.cancelHandover();
    this.primed.release();
    dropSound(this.current);
    dropSound(this.upcoming);
    this.current = null;
    this.upcoming = null;
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
