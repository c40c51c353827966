import { Howl, Howler } from 'howler';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  pauseStartedEarly,
  prepareAudioAfterFirstGesture,
  skipSeeksInPlace,
  startBeforeLoaded,
  startOnCanPlay,
} from './howler-setup';

/** An audio element as far as these helpers see it: its position accessor, play and pause. */
class FakeElement {
  paused = true;
  seeks: number[] = [];
  plays = 0;
  pauses = 0;
  private position = 0;
  get currentTime() {
    return this.position;
  }
  set currentTime(seconds: number) {
    this.seeks.push(seconds);
    this.position = seconds;
  }
  /** The element plays on by itself. */
  advance(seconds: number) {
    this.position += seconds;
  }
  play() {
    this.plays += 1;
    this.paused = false;
    return Promise.resolve();
  }
  pause() {
    this.pauses += 1;
    this.paused = true;
  }
}

/** howler's Howl as the helpers reach into it: its sounds' elements and its load state. */
function howlWith(node: FakeElement, state: 'loading' | 'loaded' = 'loading'): Howl {
  return { _sounds: [{ _node: node }], state: () => state } as unknown as Howl;
}

describe('startOnCanPlay', () => {
  it('has an html5 sound start at canplay, not at canplaythrough (fails if howler renames it)', () => {
    const listenedFor: string[] = [];
    const listen = vi
      .spyOn(HTMLMediaElement.prototype, 'addEventListener')
      .mockImplementation((type: string) => void listenedFor.push(type));
    const muteLoad = vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
    // jsdom's elements play no format; howler would refuse the file before it listens.
    const codecs = vi.spyOn(Howler, 'codecs').mockReturnValue(true);
    startOnCanPlay();
    const howl = new Howl({ src: ['/track.mp3'], format: ['mp3'], html5: true, preload: true });
    expect(listenedFor).toContain('canplay');
    expect(listenedFor).not.toContain('canplaythrough');
    howl.unload();
    listen.mockRestore();
    muteLoad.mockRestore();
    codecs.mockRestore();
  });
});

describe('skipSeeksInPlace', () => {
  it('drops writes of the position the element already has, and lets real seeks through', () => {
    const node = new FakeElement();
    skipSeeksInPlace(howlWith(node));
    node.currentTime = 0; // howler's play() of a new track
    node.currentTime = 42.5; // a resume point
    node.currentTime = 42.5; // howler's play() after it
    node.advance(1.25);
    node.currentTime = 43.7499; // resume after a pause: where howler read it stood
    node.currentTime = 10; // the seek bar
    expect(node.seeks).toEqual([42.5, 10]);
    expect(node.currentTime).toBe(10);
  });

  it('wraps an element once, however many Howls reuse it from howler’s pool', () => {
    const node = new FakeElement();
    skipSeeksInPlace(howlWith(node));
    skipSeeksInPlace(howlWith(node));
    node.currentTime = 3;
    expect(node.seeks).toEqual([3]);
  });
});

describe('startBeforeLoaded', () => {
  it('plays a loading sound’s element at once, and keeps howler from restarting it at canplay', () => {
    const node = new FakeElement();
    const howl = howlWith(node);
    skipSeeksInPlace(howl);
    startBeforeLoaded(howl);
    expect(node.plays).toBe(1);
    node.advance(0.004); // sounding for a few ms when howler hears canplay
    node.currentTime = 0; // howler's play(): from the start
    expect(node.seeks).toEqual([]);
    expect(node.currentTime).toBeCloseTo(0.004);
    // Later, "previous" restarting the track is a real seek to 0.
    node.advance(5);
    node.currentTime = 0;
    expect(node.seeks).toEqual([0]);
  });

  it('leaves a loaded sound to howler, which plays it at once anyway', () => {
    const node = new FakeElement();
    startBeforeLoaded(howlWith(node, 'loaded'));
    expect(node.plays).toBe(0);
  });

  it('pauses an element started early when the user pauses before howler knew it played', () => {
    const node = new FakeElement();
    const howl = howlWith(node);
    pauseStartedEarly(howl);
    expect(node.pauses).toBe(0);
    startBeforeLoaded(howl);
    pauseStartedEarly(howl);
    expect(node.paused).toBe(true);
    expect(node.pauses).toBe(1);
  });
});

describe('prepareAudioAfterFirstGesture', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('sets audio up after the first gesture once the screen it opened has stopped loading', async () => {
    vi.useFakeTimers();
    // The pages of the playlist that gesture opened keep arriving for a few seconds.
    const ends: number[] = [0];
    vi.spyOn(performance, 'getEntriesByType').mockImplementation(() =>
      ends.map((responseEnd) => ({ responseEnd }) as PerformanceResourceTiming),
    );
    const setUp = vi.spyOn(Howler, 'volume');
    prepareAudioAfterFirstGesture();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(setUp).not.toHaveBeenCalled();

    document.dispatchEvent(new Event('pointerup'));
    for (let page = 0; page < 4; page += 1) {
      await vi.advanceTimersByTimeAsync(600);
      ends.push(performance.now());
    }
    expect(setUp).not.toHaveBeenCalled();
    // The last page is in: a second of quiet, then the browser's next idle moment.
    await vi.advanceTimersByTimeAsync(2_100);
    expect(setUp).toHaveBeenCalledTimes(1);
  });

  it('sets audio up a second after the first gesture on a page with nothing loading', async () => {
    vi.useFakeTimers();
    vi.spyOn(performance, 'getEntriesByType').mockImplementation(() => []);
    const setUp = vi.spyOn(Howler, 'volume');
    prepareAudioAfterFirstGesture();
    document.dispatchEvent(new Event('keydown'));
    await vi.advanceTimersByTimeAsync(900);
    expect(setUp).not.toHaveBeenCalled();
    // Ready before the tap that plays, which then doesn't wait for it (decision 029).
    await vi.advanceTimersByTimeAsync(200);
    expect(setUp).toHaveBeenCalledTimes(1);
  });
});
