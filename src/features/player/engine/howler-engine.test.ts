import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, PlaybackSource } from './audio-engine';

/** A stand-in for howler's Howl: enough state to see what the engine asks of it. */
class FakeHowl {
  static all: FakeHowl[] = [];
  src: string;
  position = 0;
  length = 8;
  isPlaying = false;
  plays = 0;
  stops = 0;
  unloaded = false;
  /** Its audio element, where howler keeps it: the element's own `ended` is dispatched here. */
  node = document.createElement('audio');
  _sounds = [{ _node: this.node }];
  sprite: Record<string, [number, number]> | undefined;
  private handlers = new Map<string, Array<() => void>>();
  constructor(options: { src: string[]; sprite?: Record<string, [number, number]> }) {
    this.src = options.src[0] ?? '';
    this.sprite = options.sprite;
    FakeHowl.all.push(this);
  }
  state() {
    return 'loaded';
  }
  play() {
    this.plays += 1;
    this.isPlaying = true;
    // howler announces 'play' a task later.
    setTimeout(() => this.fire('play'), 0);
    return 1;
  }
  pause() {
    this.isPlaying = false;
    setTimeout(() => this.fire('pause'), 0);
  }
  stop() {
    this.stops += 1;
    this.isPlaying = false;
    this.position = 0;
  }
  playing() {
    return this.isPlaying;
  }
  seek(to?: number) {
    if (to === undefined) return this.position;
    this.position = to;
    return this;
  }
  duration() {
    return this.length;
  }
  volume() {
    return 1;
  }
  unload() {
    this.unloaded = true;
    this.isPlaying = false;
  }
  on(event: string, fn: () => void) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
  }
  once(event: string, fn: () => void) {
    const wrapped = () => {
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((f) => f !== wrapped),
      );
      fn();
    };
    this.on(event, wrapped);
  }
  fire(event: string) {
    for (const fn of this.handlers.get(event) ?? []) fn();
  }
}

vi.mock('howler', () => ({ Howl: FakeHowl, Howler: { volume: () => 1 } }));

/** The page in the background (the screen locked) or in front. */
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    value: hidden ? 'hidden' : 'visible',
    configurable: true,
  });
}
afterEach(() => void Reflect.deleteProperty(document, 'visibilityState'));

const { HowlerEngine, handoverDelay, HANDOVER_LEAD_MS } = await import('./howler-engine');

const source = (name: string): PlaybackSource => ({ url: name, format: 'mp3', transcoded: false });
const howl = (url: string) => FakeHowl.all.filter((h) => h.src === url).at(-1) as FakeHowl;

describe('handoverDelay', () => {
  it('plans only in the last tick of a track, and never into the past', () => {
    expect(handoverDelay(1_000, 8_000)).toBeNull();
    expect(handoverDelay(7_800, 8_000)).toBe(200 - HANDOVER_LEAD_MS);
    expect(handoverDelay(7_999, 8_000)).toBe(0);
    expect(handoverDelay(0, Number.NaN)).toBeNull();
    expect(handoverDelay(0, 0)).toBeNull();
  });
});

/** A fresh engine per test, on fake timers, and every event it emits but 'time'. */
function engineUnderTest() {
  const t = {
    engine: null as unknown as InstanceType<typeof HowlerEngine>,
    events: [] as EngineEvent['type'][],
  };
  beforeEach(() => {
    vi.useFakeTimers();
    FakeHowl.all = [];
    t.engine = new HowlerEngine();
    t.events = [];
    t.engine.subscribe((e) => void (e.type !== 'time' && t.events.push(e.type)));
  });
  afterEach(() => {
    t.engine.unload();
    vi.useRealTimers();
  });
  return t;
}

describe('HowlerEngine hand-over', () => {
  const t = engineUnderTest();

  function playNearTheEnd() {
    t.engine.load(source('a'), { startAtMs: 0, autoplay: true });
    t.engine.preload(source('b'));
    vi.advanceTimersByTime(1);
    howl('a').position = 7.8;
    vi.advanceTimersByTime(250); // a tick sees 200 ms left
  }

  it('starts the next track just before the current one ends, and takes it over playing', () => {
    playNearTheEnd();
    vi.advanceTimersByTime(200 - HANDOVER_LEAD_MS);
    expect(howl('b').isPlaying).toBe(true);
    expect(howl('a').isPlaying).toBe(true);
    vi.advanceTimersByTime(HANDOVER_LEAD_MS);
    // The controller moves on when 'a' ends: 'b' is reused as it is, not restarted or doubled.
    t.events = [];
    t.engine.load(source('b'), { startAtMs: 0, autoplay: true });
    vi.advanceTimersByTime(1);
    expect(howl('b').plays).toBe(1);
    expect(howl('a').unloaded).toBe(true);
    expect(t.events).toEqual(['loading', 'playing']);
  });

  it('announces playing once when the hand-over comes before howler has said so', () => {
    playNearTheEnd();
    vi.advanceTimersByTime(200 - HANDOVER_LEAD_MS);
    t.events = [];
    t.engine.load(source('b'), { startAtMs: 0, autoplay: true });
    vi.advanceTimersByTime(5);
    expect(t.events).toEqual(['loading', 'playing']);
  });

  it('stops a next track started early when the user pauses or seeks', () => {
    playNearTheEnd();
    vi.advanceTimersByTime(200 - HANDOVER_LEAD_MS);
    t.engine.pause();
    expect(howl('b').isPlaying).toBe(false);
    expect(howl('b').position).toBe(0);

    t.engine.play();
    vi.advanceTimersByTime(250);
    vi.advanceTimersByTime(200);
    expect(howl('b').isPlaying).toBe(true);
    t.engine.seek(1_000);
    expect(howl('b').isPlaying).toBe(false);
  });

  it('starts nothing early when the queue has no next track', () => {
    t.engine.load(source('a'), { startAtMs: 0, autoplay: true });
    vi.advanceTimersByTime(1);
    howl('a').position = 7.9;
    vi.advanceTimersByTime(500);
    expect(FakeHowl.all).toHaveLength(1);
  });

  it('plays a primed track from the sound already fetching, and lets an unclicked one go', () => {
    t.engine.prime(source('p'));
    const primed = howl('p');
    t.engine.load(source('p'), { startAtMs: 0, autoplay: true });
    expect(FakeHowl.all.filter((h) => h.src === 'p')).toHaveLength(1);
    expect(primed.plays).toBe(1);

    t.engine.prime(source('q'));
    vi.advanceTimersByTime(5_000);
    expect(howl('q').unloaded).toBe(true);

    t.engine.prime(source('r'));
    t.engine.load(source('s'), { startAtMs: 0, autoplay: true });
    expect(howl('r').unloaded).toBe(true);
  });
});

describe('HowlerEngine and a transcoded stream', () => {
  it('leaves the end of a stream with no length to its element, not to a duration of 0', async () => {
    const { HowlerEngine } = await import('./howler-engine');
    const engine = new HowlerEngine();
    engine.load({ ...source('start.mp3'), transcoded: true }, { startAtMs: 0, autoplay: true });
    engine.load(source('file.mp3'), { startAtMs: 0, autoplay: true });
    const [stream, file] = FakeHowl.all.slice(-2);
    // WebKit reports duration 0 for it: howler's own length would end it at once.
    expect(stream?.sprite).toEqual({ __default: [0, Infinity] });
    // A file's length is the element's, as howler reads it.
    expect(file?.sprite).toBeUndefined();
    engine.unload();
  });
});

describe('HowlerEngine with the page hidden (iOS, screen locked)', () => {
  const t = engineUnderTest();

  it('starts the next track inside the ended event of the one playing, not on a timer', () => {
    setHidden(true);
    t.engine.load(source('a'), { startAtMs: 0, autoplay: true });
    t.engine.preload(source('b'));
    vi.advanceTimersByTime(1);
    howl('a').position = 7.8;
    vi.advanceTimersByTime(250); // a tick sees 200 ms left
    vi.advanceTimersByTime(250); // visible, the timer would have started 'b' by now
    expect(howl('b').plays).toBe(0);

    t.events = [];
    howl('a').node.dispatchEvent(new Event('ended'));
    // Still inside the event's task: 'b' plays, and the controller has heard of the end.
    expect(howl('b').plays).toBe(1);
    expect(t.events).toEqual(['ended']);

    // howler's own 'end' comes a task later: the same end, not a second one.
    howl('a').fire('end');
    expect(t.events).toEqual(['ended']);
    // The controller moves on: 'b' is adopted as it plays, not started again.
    t.engine.load(source('b'), { startAtMs: 0, autoplay: true });
    vi.advanceTimersByTime(1);
    expect(howl('b').plays).toBe(1);
    expect(howl('a').unloaded).toBe(true);
    expect(t.events).toEqual(['ended', 'loading', 'playing']);
    // A dropped sound's element (howler pools them) is no longer listened to.
    howl('a').node.dispatchEvent(new Event('ended'));
    expect(t.events).toEqual(['ended', 'loading', 'playing']);
  });

  it('does not start early on a timer planned while visible when the page hides before it', () => {
    t.engine.load(source('a'), { startAtMs: 0, autoplay: true });
    t.engine.preload(source('b'));
    vi.advanceTimersByTime(1);
    howl('a').position = 7.8;
    vi.advanceTimersByTime(250); // planned: 'b' would start 195 ms from now
    setHidden(true);
    vi.advanceTimersByTime(250);
    expect(howl('b').plays).toBe(0);
    howl('a').node.dispatchEvent(new Event('ended'));
    expect(howl('b').plays).toBe(1);
  });

  it('leaves the end to howler while the page is visible', () => {
    t.engine.load(source('a'), { startAtMs: 0, autoplay: true });
    t.engine.preload(source('b'));
    vi.advanceTimersByTime(1);
    t.events = [];
    howl('a').node.dispatchEvent(new Event('ended'));
    expect(t.events).toEqual([]);
    expect(howl('b').plays).toBe(0);
    howl('a').fire('end');
    expect(t.events).toEqual(['ended']);
  });

  it('asks for the "playback" audio session before anything plays (WebKit)', () => {
    const session = { type: 'auto' };
    Object.defineProperty(navigator, 'audioSession', { value: session, configurable: true });
    try {
      new HowlerEngine().unload();
      expect(session.type).toBe('playback');
    } finally {
      Reflect.deleteProperty(navigator, 'audioSession');
    }
  });
});
