import type { Howl } from 'howler';
import { describe, expect, it } from 'vitest';
import { pauseStartedEarly, skipSeeksInPlace, startBeforeLoaded } from './howler-setup';

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
