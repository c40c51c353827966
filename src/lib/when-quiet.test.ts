import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenQuiet } from './when-quiet';

/** The page's resource timings: `ends` are the responseEnd of each finished resource. */
function resourcesEndingAt(ends: () => number[]) {
  vi.spyOn(performance, 'getEntriesByType').mockImplementation(() =>
    ends().map((responseEnd) => ({ responseEnd }) as PerformanceResourceTiming),
  );
}

afterEach(() => vi.useRealTimers());

describe('whenQuiet', () => {
  it('waits until nothing has finished loading for the quiet time', async () => {
    vi.useFakeTimers();
    const ends = [0];
    resourcesEndingAt(() => ends);
    let done = false;
    void whenQuiet(2_000, 60_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_500);
    // Still loading: a response finishes now, so the quiet starts again from here.
    ends.push(performance.now());
    await vi.advanceTimersByTimeAsync(1_500);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(done).toBe(true);
  });

  it('gives up waiting after at most the longest wait, however busy the network', async () => {
    vi.useFakeTimers();
    resourcesEndingAt(() => [performance.now()]);
    let done = false;
    void whenQuiet(2_000, 10_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(9_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(done).toBe(true);
  });
});
