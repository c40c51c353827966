import { get } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
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
    await vi.waitFor(async () =>
      expect(JSON.stringify(await idbGet('legacy-test'))).not.toContain(TOKEN),
    );
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

  it('fails closed where no key can be had: nothing written, and an old clear value removed', async () => {
    vi.resetModules();
    // The key can't be made (Web Crypto refused, storage of the key failed…).
    vi.spyOn(crypto.subtle, 'generateKey').mockRejectedValue(new Error('refused'));
    const { idbDel: del2, idbGet: get2, idbSet: set2 } = await import('./idb');
    await del2('secret-key');
    const fresh = await import('./secret-storage');
    const value = JSON.stringify({ state: { token: TOKEN }, version: 0 });
    await fresh.secretStateStorage.setItem('no-key-test', value);
    expect(await get2('no-key-test')).toBeUndefined();
    // An older version's clear value is read this once, then goes rather than stay in the clear.
    await set2('no-key-legacy', value);
    expect(await fresh.secretStateStorage.getItem('no-key-legacy')).toBe(value);
    await fresh.secretWritesSettled();
    expect(await get2('no-key-legacy')).toBeUndefined();
  });
});

describe('a key that fails to load once', () => {
  it('is asked for again, and a sealed sign-in it could not open is never written over', async () => {
    vi.resetModules();
    const { idbGet: get2 } = await import('./idb');
    const first = await import('./secret-storage');
    const value = JSON.stringify({ state: { token: TOKEN }, version: 0 });
    await first.secretStateStorage.setItem('flaky-test', value);
    const sealed = await get2('flaky-test');
    // The next start: reading the key fails once (storage hiccup).
    vi.resetModules();
    const realGet = IDBObjectStore.prototype.get;
    let failed = false;
    const failing = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (
      this: IDBObjectStore,
      query: IDBValidKey | IDBKeyRange,
    ) {
      if (query === 'secret-key' && !failed) {
        failed = true;
        throw new Error('read failed');
      }
      return realGet.call(this, query);
    });
    const again = await import('./secret-storage');
    expect(await again.secretStateStorage.getItem('flaky-test')).toBeNull();
    expect(again.secretsUnreadable()).toBe(true);
    expect(await get2('flaky-test')).toEqual(sealed);
    // The failure is not remembered: the key loads on the next try.
    expect(await again.secretStateStorage.getItem('flaky-test')).toBe(value);
    failing.mockRestore();
  });
});
