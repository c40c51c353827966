import { describe, expect, it, vi } from 'vitest';
import { startPlayerController } from './controller';
import { controllerHarness, player, resolve, store, track } from './controller-test-kit';
import { loadPosition, usePositionStore } from './position-store';

const h = controllerHarness();

/** Signs-in revoked, connections dying, streams stalling: the player keeps its place. */
describe('player controller, recovering', () => {
  it('keeps its place when stopped with a queue (a revoked sign-in), and shows it while waiting', async () => {
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 42_000, durationMs: 100_000 });
    h.stop();
    await vi.waitFor(async () =>
      expect(await loadPosition()).toEqual({
        uid: store().queue.items[0]?.uid,
        positionMs: 42_000,
      }),
    );

    // Started again with no server yet: paused, showing where it will resume.
    usePositionStore.setState({ uid: null, positionMs: 0, durationMs: 0 });
    player.pause();
    let reachable = false;
    h.stop = startPlayerController({
      engine: h.engine,
      resolve: (t) =>
        reachable
          ? resolve(t)
          : { ok: false, reason: "the server can't be reached", waiting: true },
      resumeAt: await loadPosition(),
    });
    expect(usePositionStore.getState()).toMatchObject({ positionMs: 42_000, durationMs: 100_000 });
    // The server back, play resumes it there.
    reachable = true;
    player.play();
    expect(h.engine.calls.at(-1)).toBe('load u1 @42000 autoplay');
  });

  it('fails over and resumes when the connection drops mid-track, skipping only if it drops again', async () => {
    player.playTracks([track('1'), track('2')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 30_000, durationMs: 100_000 });
    h.engine.emit({
      type: 'error',
      message: 'the connection dropped while loading it',
      network: true,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(h.stalls).toBe(1);
    expect(h.engine.calls.at(-1)).toBe('load u1 @30000 autoplay');
    h.engine.emit({
      type: 'error',
      message: 'the connection dropped while loading it',
      network: true,
    });
    expect(h.engine.calls.at(-1)).toBe('load u2 @0 autoplay');
  });

  it('fails over when a playing stream stops moving, and resumes at the same position', async () => {
    vi.useFakeTimers();
    h.restart({
      resolve,
      onStall: async () => void (h.stalls += 1),
      stallAfterMs: 3000,
    });
    player.playTracks([track('1')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 42_000, durationMs: 100_000 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.stalls).toBe(1);
    expect(h.engine.calls.at(-1)).toBe('load u1 @42000 autoplay');
  });

  it('takes no change of the wall clock for a stall (the time synced while playing)', async () => {
    vi.useFakeTimers();
    h.restart({ resolve, onStall: async () => void (h.stalls += 1), stallAfterMs: 3000 });
    player.playTracks([track('1')], 0);
    h.engine.emit({ type: 'playing' });
    h.engine.emit({ type: 'time', positionMs: 42_000, durationMs: 100_000 });
    // The device's clock is set 10 minutes on; the music plays on, second by second.
    vi.setSystemTime(Date.now() + 10 * 60_000);
    for (let s = 1; s <= 4; s += 1) {
      await vi.advanceTimersByTimeAsync(1_000);
      h.engine.emit({ type: 'time', positionMs: 42_000 + s * 1000, durationMs: 100_000 });
    }
    expect(h.stalls).toBe(0);
  });

  it("stops with a clear word when the device's audio output fails, instead of skipping the queue", async () => {
    player.playTracks([track('1'), track('2'), track('3')], 0);
    const first = store().queue.items[0]?.uid;
    // Firefox with no working output: MediaError 3 (a decode error) named "OnMediaSinkAudioError".
    h.engine.emit({
      type: 'error',
      message: "this device's audio output failed (the browser says “OnMediaSinkAudioError”)",
      network: false,
      output: true,
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(store().queue.items[store().queue.index]?.uid).toBe(first);
    expect(store().status).toBe('paused');
    expect(store().notice).toMatch(/^No sound: this device's audio output failed/);
    expect(store().notice).toMatch(/speakers or headphones/);
  });
});
