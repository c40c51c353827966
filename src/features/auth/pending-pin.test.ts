import { afterEach, describe, expect, it } from 'vitest';
import { idbSet } from '../../lib/idb';
import { clearPendingPins, loadPendingPins } from './pending-pin';

afterEach(clearPendingPins);

describe('a PIN stored by an older build (a sign-in under way while the app updated)', () => {
  it('is kept for the time it had left', async () => {
    await idbSet('pending-pins', [{ id: 7, code: 'abc', expiresAt: Date.now() + 600_000 }]);
    const { pins } = await loadPendingPins();
    expect(pins.map((p) => [p.id, p.code])).toEqual([[7, 'abc']]);
    expect(pins[0]?.expiresIn).toBeGreaterThan(590);
    expect(pins[0]?.expiresIn).toBeLessThanOrEqual(600);
  });

  it('counts as expired once its time was up, and garbage counts as nothing', async () => {
    await idbSet('pending-pins', [
      { id: 8, code: 'old', expiresAt: Date.now() - 1_000 },
      { id: 'nine', code: 9 },
    ]);
    expect(await loadPendingPins()).toEqual({ pins: [], hadExpired: true });
  });
});
