import { afterEach, describe, expect, it, vi } from 'vitest';
import { controllerHarness, player, track } from './controller-test-kit';

const h = controllerHarness();

describe('player controller with the page hidden (iOS, screen locked)', () => {
  const setHidden = (hidden: boolean) =>
    Object.defineProperty(document, 'visibilityState', {
      value: hidden ? 'hidden' : 'visible',
      configurable: true,
    });
  afterEach(() => void Reflect.deleteProperty(document, 'visibilityState'));

  it('prepares the next track at once, and hands it to the engine within the ended event', () => {
    vi.useFakeTimers();
    setHidden(true);
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    // No 1 s timer: the engine's hand-over inside `ended` needs the next track by then.
    expect(h.engine.preloaded).toBe('u2');
    h.engine.calls = [];
    h.engine.emit({ type: 'ended' });
    // Still inside the emit (no timer, no await): the next track is loaded, playing.
    expect(h.engine.calls).toEqual(['load u2 @0 autoplay']);
  });

  it('prepares the next track when the page goes to the background before its timer', () => {
    vi.useFakeTimers();
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    expect(h.engine.preloaded).toBeNull();
    setHidden(true);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(h.engine.preloaded).toBe('u2');
  });
});
