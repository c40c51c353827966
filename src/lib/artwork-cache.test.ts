import { describe, expect, it } from 'vitest';
import { ArtworkCache, type ArtworkLoad, type ArtworkState } from './artwork-cache';

/** Loads that the test settles by hand, and the URLs the cache made and revoked. */
function harness(options: ConstructorParameters<typeof ArtworkCache>[0] = {}) {
  const pending = new Map<
    string,
    { resolve: (b: Blob) => void; reject: () => void; signal: AbortSignal }
  >();
  const started: string[] = [];
  const revoked: string[] = [];
  let made = 0;
  let clock = 0;
  const cache = new ArtworkCache({
    createUrl: () => `blob:test/${(made += 1)}`,
    revokeUrl: (url) => revoked.push(url),
    now: () => clock,
    ...options,
  });
  const load =
    (key: string): ArtworkLoad =>
    (signal) =>
      new Promise<Blob>((resolve, reject) => {
        started.push(key);
        pending.set(key, { resolve, reject: () => reject(new Error('no')), signal });
      });
  const states = new Map<string, ArtworkState[]>();
  const want = (key: string, urgent = false) =>
    cache.want(key, load(key), (s) => states.set(key, [...(states.get(key) ?? []), s]), urgent);
  const last = (key: string) => states.get(key)?.at(-1);
  const settle = async (key: string, bytes = 10) => {
    pending.get(key)?.resolve(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
    await Promise.resolve();
    await Promise.resolve();
  };
  const fail = async (key: string) => {
    pending.get(key)?.reject();
    await Promise.resolve();
    await Promise.resolve();
  };
  return {
    cache,
    want,
    last,
    settle,
    fail,
    started,
    revoked,
    pending,
    tick: (ms: number) => (clock += ms),
  };
}

describe('artwork cache', () => {
  it('fetches an image once for everyone who shows it, and hands out its blob: URL', async () => {
    const t = harness();
    t.want('a');
    t.want('a');
    expect(t.started).toEqual(['a']);
    expect(t.last('a')).toEqual({ status: 'loading' });
    await t.settle('a');
    expect(t.last('a')).toEqual({ status: 'ready', url: 'blob:test/1', type: 'image/jpeg' });
    expect(t.cache.peek('a')).toEqual(t.last('a'));
  });

  it('fetches a few at a time, urgent ones first, the rest as slots free', async () => {
    const t = harness({ concurrency: 2 });
    for (const key of ['a', 'b', 'c', 'd']) t.want(key);
    t.want('now-playing', true);
    expect(t.started).toEqual(['a', 'b']);
    await t.settle('a');
    expect(t.started).toEqual(['a', 'b', 'now-playing']);
    await t.settle('b');
    expect(t.started).toEqual(['a', 'b', 'now-playing', 'c']);
  });

  it('drops a cover whose row left before its turn, and aborts one that was loading', async () => {
    const t = harness({ concurrency: 1 });
    const releaseA = t.want('a');
    const releaseB = t.want('b');
    t.want('c');
    releaseB();
    releaseA();
    expect(t.pending.get('a')?.signal.aborted).toBe(true);
    // The freed slot goes to the next still wanted, not to the one that left.
    expect(t.started).toEqual(['a', 'c']);
    expect(t.cache.stats()).toMatchObject({ entries: 1, running: 1, queued: 0 });
    await t.settle('a');
    expect(t.cache.peek('a')).toBeUndefined();
  });

  it('keeps unused images for a scroll back, and revokes the oldest past the budget', async () => {
    const t = harness({ maxEntries: 2 });
    const release = ['a', 'b', 'c'].map((key) => t.want(key));
    for (const key of ['a', 'b', 'c']) await t.settle(key);
    // All three are on screen: none is evicted, whatever the budget says.
    expect(t.revoked).toEqual([]);
    release.forEach((r) => r());
    expect(t.revoked).toEqual(['blob:test/1']);
    expect(t.cache.peek('a')).toBeUndefined();
    expect(t.cache.peek('c')?.status).toBe('ready');
  });

  it('counts bytes too, and a recently shown image is the last to go', async () => {
    const t = harness({ maxBytes: 25 });
    const ra = t.want('a');
    await t.settle('a', 10);
    const rb = t.want('b');
    await t.settle('b', 10);
    ra();
    rb();
    t.want('a')(); // shown again: now the newest
    const rc = t.want('c');
    await t.settle('c', 10);
    expect(t.revoked).toEqual(['blob:test/2']);
    rc();
  });

  it('release is counted once per want, and a second call changes nothing', async () => {
    const t = harness({ maxEntries: 0 });
    const first = t.want('a');
    const second = t.want('a');
    await t.settle('a');
    first();
    first();
    expect(t.revoked).toEqual([]);
    second();
    expect(t.revoked).toEqual(['blob:test/1']);
  });

  it('remembers a failure for a while, so rows sharing a broken cover do not refetch it', async () => {
    const t = harness({ retryFailedAfterMs: 30_000 });
    t.want('a')();
    const release = t.want('a');
    await t.fail('a');
    expect(t.last('a')).toEqual({ status: 'failed' });
    release();
    t.want('a')();
    expect(t.started).toEqual(['a', 'a']);
    t.tick(30_000);
    t.want('a');
    expect(t.started).toEqual(['a', 'a', 'a']);
  });

  it('tries a failed image again once the network is back', async () => {
    const t = harness();
    const release = t.want('a');
    await t.fail('a');
    release();
    t.cache.forgetFailures();
    t.want('a');
    expect(t.started).toEqual(['a', 'a']);
  });

  it('forgets everything at sign-out: aborts, revokes, and tells those still showing', async () => {
    const t = harness();
    t.want('a');
    t.want('b');
    await t.settle('a');
    t.cache.clear();
    expect(t.revoked).toEqual(['blob:test/1']);
    expect(t.pending.get('b')?.signal.aborted).toBe(true);
    expect(t.last('a')).toEqual({ status: 'failed' });
    expect(t.cache.stats()).toEqual({ entries: 0, bytes: 0, running: 0, queued: 0 });
    // A load that settles after the wipe makes no URL.
    await t.settle('b');
    expect(t.cache.peek('b')).toBeUndefined();
  });
});
