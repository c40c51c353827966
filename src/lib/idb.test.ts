import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { idbGet, idbObjectStorage, idbRead, idbSet } from './idb';

describe('idbObjectStorage', () => {
  it('stores the state object and skips writes when nothing persisted changed', async () => {
    const storage = idbObjectStorage<{ queue: number[]; volume: number }>();
    const queue = [1, 2, 3];
    await storage.setItem('t1', { state: { queue, volume: 1 }, version: 0 });
    await idbSet('t1', 'overwritten behind its back');
    // Same fields, same references: no write, so the marker stays.
    await storage.setItem('t1', { state: { queue, volume: 1 }, version: 0 });
    expect(await idbGet('t1')).toBe('overwritten behind its back');
    await storage.setItem('t1', { state: { queue, volume: 0.5 }, version: 0 });
    expect(await storage.getItem('t1')).toEqual({
      state: { queue: [1, 2, 3], volume: 0.5 },
      version: 0,
    });
  });

  it('reads state saved as a JSON string by the older storage', async () => {
    await idbSet('t2', JSON.stringify({ state: { volume: 0.3 }, version: 0 }));
    expect(await idbObjectStorage<{ volume: number }>().getItem('t2')).toEqual({
      state: { volume: 0.3 },
      version: 0,
    });
  });

  it('with deferred writes, writes once after the task with the last value', async () => {
    const storage = idbObjectStorage<{ volume: number }>({ deferWrites: true });
    await idbSet('t3', 'before');
    // Watched from before the writes are asked for: on a busy machine the deferred write can
    // land while the first read below is still waiting.
    const puts = vi.spyOn(IDBObjectStore.prototype, 'put');
    void storage.setItem('t3', { state: { volume: 0.1 }, version: 0 });
    void storage.setItem('t3', { state: { volume: 0.2 }, version: 0 });
    expect(puts).not.toHaveBeenCalled();
    // Written once: the first value never lands, the last one does.
    await vi.waitFor(async () =>
      expect(await idbGet('t3')).toEqual({ state: { volume: 0.2 }, version: 0 }),
    );
    expect(puts).toHaveBeenCalledTimes(1);
    puts.mockRestore();
  });

  it('with deferred writes, a removal drops the write still waiting', async () => {
    const storage = idbObjectStorage<{ volume: number }>({ deferWrites: true });
    void storage.setItem('t4', { state: { volume: 0.4 }, version: 0 });
    await storage.removeItem('t4');
    // Time passing is the check: past the task the write waited for, it never lands.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await idbGet('t4')).toBeUndefined();
  });
});

describe('idbRead', () => {
  it('reads a value through its schema, and one that does not fit as absent', async () => {
    const position = v.object({ uid: v.string(), positionMs: v.number() });
    await idbSet('pos', { uid: 'a', positionMs: 1200 });
    expect(await idbRead('pos', position)).toEqual({ uid: 'a', positionMs: 1200 });
    // What a newer build (or a broken write) might leave: not acted on.
    await idbSet('pos', { uid: 'a', positionMs: '12:00', v: 9 });
    expect(await idbRead('pos', position)).toBeUndefined();
  });
});
