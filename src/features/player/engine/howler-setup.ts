import type { Howl } from 'howler';
import { Howler } from 'howler';
import { whenQuiet } from '../../../lib/when-quiet';

/** howler's globals and per-sound fields that its types leave out. */
type HowlerInternals = {
  _unlockAudio?: () => void;
  _audioUnlocked?: boolean;
  /** The element event howler waits for before it calls play(). */
  _canPlayEvent?: string;
};
type SoundNode = HTMLMediaElement & {
  _unlocked?: boolean;
  /** Started by startBeforeLoaded: howler's own start-from-0 write is still to come. */
  _startedEarly?: boolean;
};
type HowlInternals = { _sounds?: { _node?: SoundNode }[] };

const nodesOf = (howl: Howl): SoundNode[] =>
  ((howl as unknown as HowlInternals)._sounds ?? []).flatMap((sound) =>
    sound._node ? [sound._node] : [],
  );

/** The browser's own words for the sound's media error ("" when it gives none). */
export function mediaErrorDetail(howl: Howl): string {
  return nodesOf(howl).find((node) => node.error)?.error?.message ?? '';
}

/**
 * howler's html5 mode waits for `canplaythrough` before it calls play(): enough data to play the
 * whole file at the current rate, more than a stream needs to start. `canplay` starts as soon as
 * the first frames can play (the element keeps buffering while it plays), which brought
 * tap-to-play down (docs/decisions/029). Set before the first Howl is made.
 */
export function startOnCanPlay(): void {
  (Howler as unknown as HowlerInternals)._canPlayEvent = 'canplay';
}

/** Not before this long after the first gesture: what it asked for has begun to arrive. */
const SET_UP_AUDIO_AFTER_MS = 1_000;
/** Then the network quiet this long: the screen that gesture opened has its data. */
const SET_UP_AUDIO_WHEN_QUIET_MS = 1_000;
/** However busy the network stays, audio is ready by then. */
const SET_UP_AUDIO_AT_MOST_MS = 10_000;

/**
 * howler creates its AudioContext with the first Howl (not free: decision 029), and with it
 * arms its mobile "unlock" for the next click or touch. Both are done after the page's first
 * gesture, once its network has been quiet for a second and the browser is idle: not at start
 * (before any gesture Chromium starts the context suspended and warns), not on the tap that
 * starts the music (it would wait for them), and not while the screen that first tap opened is
 * still loading (a 20,000-track playlist's pages arrive for seconds, and making the context is
 * one task of 56–90 ms that waits on the browser's audio service: decision 025). Chromium lets a
 * context start once the page has been used at all.
 */
export function prepareAudioAfterFirstGesture(): void {
  if (typeof document === 'undefined') return;
  const events = ['pointerup', 'keydown'] as const;
  const prepare = () => {
    for (const event of events) document.removeEventListener(event, prepare, true);
    // (A page torn down meanwhile, as a test's environment is after its last test, has
    // nothing left to set up.)
    const pageGone = () => typeof document === 'undefined';
    const setUp = () => {
      if (pageGone()) return;
      Howler.volume();
      (Howler as unknown as HowlerInternals)._unlockAudio?.();
    };
    // The screen that tap opened loads and paints first (its data is often still on its way).
    // Quiet is judged by what has finished loading: right after the tap, nothing it asked for
    // has, and the page would look quiet.
    setTimeout(() => {
      if (pageGone()) return;
      void whenQuiet(SET_UP_AUDIO_WHEN_QUIET_MS, SET_UP_AUDIO_AT_MOST_MS).then(setUp);
    }, SET_UP_AUDIO_AFTER_MS);
  };
  for (const event of events) document.addEventListener(event, prepare, true);
}

/** The element's own accessor for `name`, from its prototype chain (HTMLMediaElement's). */
function nativeAccessor(node: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(node) as object | null; proto;) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

/**
 * Closer than this to where the element stands is "in place": howler's resume writes back a
 * position it read just before pausing (a few µs to ms behind), and nothing a listener can ask
 * for is this fine (the seek bar moves by seconds).
 */
const IN_PLACE_S = 0.05;

/**
 * howler's html5 play() first sets the element's `currentTime` to where the sound stands — 0 for
 * a new track, the paused position on resume — even when the element is already there. To a
 * browser that is still a seek (the spec's seek algorithm runs for any write), and Chromium
 * makes play() wait for it, between a track's first bytes and sound (docs/decisions/029 has
 * what it cost). A write of (within IN_PLACE_S of) the position the element
 * already has is dropped; every real seek (a resume point, the seek bar) goes through.
 */
export function skipSeeksInPlace(howl: Howl): void {
  for (const node of nodesOf(howl)) {
    // howler reuses elements from its pool: each is wrapped once.
    if (Object.prototype.hasOwnProperty.call(node, 'currentTime')) continue;
    const native = nativeAccessor(node, 'currentTime');
    if (!native?.get || !native.set) continue;
    const { get, set } = native;
    Object.defineProperty(node, 'currentTime', {
      configurable: true,
      enumerable: native.enumerable ?? true,
      get(this: SoundNode) {
        return get.call(this) as number;
      },
      set(this: SoundNode, seconds: number) {
        // Started early from 0 (below): howler's "from 0" would restart what is already playing.
        const early = this._startedEarly === true && seconds === 0;
        this._startedEarly = false;
        const inPlace = Math.abs(seconds - (get.call(this) as number)) < IN_PLACE_S;
        if (!early && !inPlace) set.call(this, seconds);
      },
    });
  }
}

/**
 * A track tapped from its start plays the moment it has enough data, as a bare
 * `audio.play()` does, instead of when howler hears `canplay` and calls play() from script: on
 * a busy page that event waits its turn on the main thread, and the browser's audio output
 * then starts on its next period rather than this one (decision 029). howler's own play() still
 * follows at `canplay` (its bookkeeping, its 'play' event); the element is already playing by
 * then, and its write of position 0 is dropped (skipSeeksInPlace). If the browser refuses,
 * howler's play() reports it as before.
 */
export function startBeforeLoaded(howl: Howl): void {
  if (howl.state() === 'loaded') return;
  for (const node of nodesOf(howl)) {
    if (!node.paused) continue;
    node._startedEarly = true;
    // Older browsers return nothing from play(); a refusal is howler's to report.
    Promise.resolve(node.play()).catch(() => undefined);
  }
}

/** Paused before howler knew it was playing: the element stops now, not at `canplay`. */
export function pauseStartedEarly(howl: Howl): void {
  for (const node of nodesOf(howl)) if (node._startedEarly && !node.paused) node.pause();
}

/**
 * The unlock reloads every audio element howler didn't take from its unlocked pool. A track
 * created before the unlock has fired (fetched on mouse-down, say) is played from that very tap,
 * which is all a browser asks; reloading it would only restart a fetch under way.
 */
export function spareFromUnlockReload(howl: Howl): void {
  if ((Howler as unknown as HowlerInternals)._audioUnlocked) return;
  for (const node of nodesOf(howl)) node._unlocked = true;
}

/**
 * Calls `listener` from the sound's element's own `ended` event, inside that event's task.
 * howler's 'end' arrives a task later (it delivers every event from a setTimeout): too late on
 * iOS with the screen locked, where a page may start new audio only from within that event
 * (navidrome#1802, howler#1309). Returns what stops listening (howler passes its elements on
 * to other sounds from its pool).
 */
export function onElementEnded(howl: Howl, listener: () => void): () => void {
  const nodes = nodesOf(howl);
  for (const node of nodes) node.addEventListener('ended', listener);
  return () => {
    for (const node of nodes) node.removeEventListener('ended', listener);
  };
}
