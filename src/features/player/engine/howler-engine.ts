import { Howl, Howler } from 'howler';
import type { AudioEngine, EngineEvent, PlaybackSource } from './audio-engine';

const TICK_MS = 250;

/**
 * howler's html5 mode waits for `canplaythrough` before it calls play(): enough data to play the
 * whole file at the current rate, more than a stream needs to start. `canplay` starts as soon as
 * the first frames can play (the element keeps buffering while it plays): median tap-to-play
 * went from 95 to 82 ms (bench/chromium-player.ts). howler's own global, absent from its types.
 */
(Howler as unknown as { _canPlayEvent: string })._canPlayEvent = 'canplay';

/**
 * howler in html5 mode: streams (no whole-file decode), plays on iOS lock screens (howler#938).
 * `format` is always given (blob and transcoder URLs have no useful extension), and every Howl
 * is unloaded when done: html5 mode pools only 10 audio elements.
 */
export class HowlerEngine implements AudioEngine {
  private current: { howl: Howl; source: PlaybackSource } | null = null;
  private upcoming: { howl: Howl; source: PlaybackSource } | null = null;
  private listeners = new Set<(event: EngineEvent) => void>();
  private ticker: ReturnType<typeof setInterval> | null = null;
  private volume = 1;
  private muted = false;

  private emit(event: EngineEvent) {
    for (const listener of this.listeners) listener(event);
  }

  private create(source: PlaybackSource): Howl {
    return new Howl({
      src: [source.url],
      format: [source.format],
      html5: true,
      preload: true,
      volume: this.muted ? 0 : this.volume,
    });
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
    const howl = this.current?.howl;
    if (!howl) return;
    const seconds = howl.seek();
    const position = typeof seconds === 'number' && Number.isFinite(seconds) ? seconds * 1000 : 0;
    const duration = howl.duration() * 1000;
    this.emit({
      type: 'time',
      positionMs: position,
      durationMs: Number.isFinite(duration) ? duration : 0,
    });
  }

  private wire(howl: Howl, startAtMs: number) {
    howl.on('play', () => {
      this.startTicker();
      this.emit({ type: 'playing' });
    });
    howl.on('pause', () => {
      this.stopTicker();
      this.tick();
      this.emit({ type: 'paused' });
    });
    howl.on('end', () => {
      this.stopTicker();
      this.emit({ type: 'ended' });
    });
    howl.on('loaderror', (_id, error) =>
      this.emit({ type: 'error', message: describe(error), network: isNetwork(error) }),
    );
    howl.on('playerror', (_id, error) =>
      this.emit({ type: 'error', message: describe(error), network: isNetwork(error) }),
    );
    // Resume point: applied once the file is loaded, then shown (even while paused).
    const seekOnce = () => {
      if (startAtMs > 0) howl.seek(startAtMs / 1000);
      this.tick();
    };
    if (howl.state() === 'loaded') seekOnce();
    else howl.once('load', seekOnce);
  }

  load(
    source: PlaybackSource,
    { startAtMs, autoplay }: { startAtMs: number; autoplay: boolean },
  ): void {
    this.stopTicker();
    const reuse = this.upcoming && this.upcoming.source.url === source.url ? this.upcoming : null;
    if (this.current) this.current.howl.unload();
    if (this.upcoming && !reuse) this.upcoming.howl.unload();
    this.upcoming = null;
    const howl = reuse?.howl ?? this.create(source);
    this.current = { howl, source };
    this.emit({ type: 'loading' });
    this.wire(howl, startAtMs);
    howl.volume(this.muted ? 0 : this.volume);
    if (autoplay) howl.play();
  }

  play(): void {
    const howl = this.current?.howl;
    if (howl && !howl.playing()) howl.play();
  }

  pause(): void {
    this.current?.howl.pause();
  }

  seek(ms: number): void {
    const howl = this.current?.howl;
    if (!howl) return;
    howl.seek(Math.max(0, ms) / 1000);
    this.tick();
  }

  setVolume(volume: number, muted: boolean): void {
    this.volume = volume;
    this.muted = muted;
    this.current?.howl.volume(muted ? 0 : volume);
  }

  preload(source: PlaybackSource | null): void {
    if (this.upcoming?.source.url === source?.url) return;
    this.upcoming?.howl.unload();
    this.upcoming = source ? { howl: this.create(source), source } : null;
  }

  unload(): void {
    this.stopTicker();
    this.current?.howl.unload();
    this.upcoming?.howl.unload();
    this.current = null;
    this.upcoming = null;
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function isNetwork(error: unknown): boolean {
  return error === 2 || error === '2';
}

function describe(error: unknown): string {
  // howler passes MediaError codes: 2 network, 3 decode, 4 not supported.
  if (error === 2 || error === '2') return 'the connection dropped while loading it';
  if (error === 3 || error === '3') return 'the file is damaged or empty';
  if (error === 4 || error === '4') return "this browser can't play the file";
  return typeof error === 'string' && error ? error : "it couldn't be played";
}
