import { afterEach, describe, expect, it } from 'vitest';
import { idbGet, idbSet } from '../../lib/idb';
import { closeWrites, reopenWritesForTests } from '../../lib/write-gate';
import { forgetPosition, loadPosition, savePosition, usePositionStore } from './position-store';

afterEach(async () => {
  reopenWritesForTests();
  await forgetPosition();
});

describe('the saved position', () => {
  it('is on disk the moment it is saved, before any await: a page closing next keeps it', () => {
    usePositionStore.getState().setPosition('q-3', 61_500, 200_000);
    savePosition(true);
    const stored = Object.entries(localStorage).find(([k]) => k.endsWith('player-position'));
    expect(stored && JSON.parse(stored[1])).toEqual({ uid: 'q-3', positionMs: 61_500 });
  });

  it('comes back after a restart, and a broken one reads as none', async () => {
    usePositionStore.getState().setPosition('q-1', 12_000, 90_000);
    savePosition(true);
    expect(await loadPosition()).toEqual({ uid: 'q-1', positionMs: 12_000 });
    const key = Object.keys(localStorage).find((k) => k.endsWith('player-position')) ?? '';
    localStorage.setItem(key, '{"uid":7,"positionMs":"soon"}');
    expect(await loadPosition()).toBeUndefined();
  });

  it('is moved out of IndexedDB, where earlier versions kept it', async () => {
    await idbSet('player-position', { uid: 'old-2', positionMs: 3_000 });
    expect(await loadPosition()).toEqual({ uid: 'old-2', positionMs: 3_000 });
    expect(await idbGet('player-position')).toBeUndefined();
    expect(await loadPosition()).toEqual({ uid: 'old-2', positionMs: 3_000 });
  });

  it('is not written once another tab has signed out', async () => {
    closeWrites();
    usePositionStore.getState().setPosition('q-9', 5_000, 9_000);
    savePosition(true);
    expect(await loadPosition()).toBeUndefined();
  });
});
