import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchNearViewport } from './near-viewport';

/** IntersectionObserver driven by the test. */
let report: IntersectionObserverCallback = () => undefined;
class FakeObserver {
  constructor(callback: IntersectionObserverCallback) {
    report = callback;
  }
  observe() {}
  unobserve() {}
  disconnect() {}
}
const comesIntoView = (target: Element, isIntersecting = true) =>
  report([{ target, isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  Object.defineProperty(globalThis, 'IntersectionObserver', {
    value: FakeObserver,
    configurable: true,
  });
});
afterEach(() => vi.useRealTimers());

describe('near the viewport', () => {
  it('tells at once when the page is at rest, and when the cover leaves', () => {
    const el = document.createElement('span');
    const told: boolean[] = [];
    const stop = watchNearViewport(el, (near) => told.push(near));
    comesIntoView(el);
    comesIntoView(el, false);
    expect(told).toEqual([true, false]);
    stop();
  });

  it('during a fling, tells only covers still in view once scrolling rests', () => {
    const passing = document.createElement('span');
    const landing = document.createElement('span');
    const told: string[] = [];
    watchNearViewport(passing, (near) => told.push(`passing ${near}`));
    watchNearViewport(landing, (near) => told.push(`landing ${near}`));
    window.dispatchEvent(new Event('scroll'));
    comesIntoView(passing);
    vi.advanceTimersByTime(50);
    window.dispatchEvent(new Event('scroll'));
    comesIntoView(passing, false);
    comesIntoView(landing);
    vi.advanceTimersByTime(100);
    expect(told).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(told).toEqual(['landing true']);
  });
});
