import { get } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { appStore, idbGet, idbSet } from './idb';
import { secretStateStorage, secretWritesSettled } from './secret-storage';

const TOKEN = 'a-plex-token-1234';

describe('secret storage', () => {
  it('seals what it stores and opens it again', async () => {
    const value = JSON.stringify({ state: { token: TOKEN }, version: 0 });
    await secretStateStorage.setItem('session-test', value);
    const raw = await idbGet<unknown>('session-test');
    expect(JSON.stringify(raw)).not.toContain(TOKEN);
    expect(raw).toMatchObject({ sealed: 1 });
    expect(await secretStateStorage.getItem('session-test')).toBe(value);
  });

  it('keeps its key where script can use it but never read it', async () => {
    await secretStateStorage.setItem('session-test', 'x');
    const key = await get<CryptoKey>('secret-key', appStore());
    expect(key?.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key as CryptoKey)).rejects.toThrow();
  });

  it('reads a secret an older version stored in the clear, and seals it at once', async () => {
    const legacy = JSON.stringify({ state: { token: TOKEN }, version: 0 });
    await idbSet('legacy-test', legacy);
    expect(await secretStateStorage.getItem('legacy-test')).toBe(legacy);
    await new Promise((r) => setTimeout(r, 20));
    expect(JSON.stringify(await idbGet('legacy-test'))).not.toContain(TOKEN);
    expect(await secretStateStorage.getItem('legacy-test')).toBe(legacy);
  });

  it('lands writes to one key in the order they were made, however long each takes to seal', async () => {
    // A big value seals slower than a small one: the later, small write must still win.
    const signedIn = JSON.stringify({ state: { token: TOKEN, pad: 'x'.repeat(4_000_000) } });
    const signedOut = JSON.stringify({ state: { token: null } });
    void secretStateStorage.setItem('order-test', signedIn);
    void secretStateStorage.setItem('order-test', signedOut);
    await secretWritesSettled();
    expect(await secretStateStorage.getItem('order-test')).toBe(signedOut);
  });
});
