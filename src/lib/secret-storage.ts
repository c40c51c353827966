import { get, update } from 'idb-keyval';
import type { StateStorage } from 'zustand/middleware';
import { appStore, idbDel, idbGet, idbSet } from './idb';

/**
 * Secrets at rest (docs/decisions/007): the Plex token and the servers' access tokens are
 * written to IndexedDB encrypted with AES-GCM under a key that is itself kept in IndexedDB as a
 * non-extractable CryptoKey — script can use it but never read its bytes. What this does and does
 * not protect against is in the decision record.
 */
const KEY_NAME = 'secret-key';

interface Sealed {
  sealed: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

const isSealed = (value: unknown): value is Sealed =>
  typeof value === 'object' && value !== null && (value as { sealed?: unknown }).sealed === 1;

const subtle = () => (typeof crypto === 'undefined' ? undefined : crypto.subtle);

let keyPromise: Promise<CryptoKey | null> | null = null;

/**
 * The app's key: made once; two tabs making one at the same moment agree on the first stored.
 * null where there is no Web Crypto (an insecure context). A key that failed to load or be made is
 * asked for again next time: one failed read must not turn every later write into a wipe.
 */
function secretKey(): Promise<CryptoKey | null> {
  keyPromise ??= (async () => {
    const webCrypto = subtle();
    if (!webCrypto) return null;
    const existing = await get<CryptoKey>(KEY_NAME, appStore());
    if (existing) return existing;
    const made = await webCrypto.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await update<CryptoKey>(KEY_NAME, (stored) => stored ?? made, appStore());
    return (await get<CryptoKey>(KEY_NAME, appStore())) ?? null;
  })();
  keyPromise.catch(() => {
    keyPromise = null;
  });
  return keyPromise;
}

/**
 * A sealed value was there but the key to open it couldn't be loaded (storage failing, not a
 * missing key): the app must not start as if signed out, or its first write would replace the
 * sealed sign-in (main.tsx refuses to start instead, with a message).
 */
let sealedButUnreadable = false;
export const secretsUnreadable = () => sealedButUnreadable;

/** Sealing is impossible here (no Web Crypto, or the key can't be loaded or made). */
class NoSecretKey extends Error {}

async function seal(text: string): Promise<Sealed> {
  const key = await secretKey().catch(() => null);
  const webCrypto = subtle();
  if (!key || !webCrypto) throw new NoSecretKey('secrets cannot be sealed here');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await webCrypto.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(text),
  );
  return { sealed: 1, iv, data };
}

async function open(value: Sealed): Promise<string | null> {
  const key = await secretKey().catch(() => {
    sealedButUnreadable = true;
    return null;
  });
  const webCrypto = subtle();
  if (!key || !webCrypto) return null;
  try {
    const plain = await webCrypto.decrypt({ name: 'AES-GCM', iv: value.iv }, key, value.data);
    return new TextDecoder().decode(plain);
  } catch {
    // Another key (site data partly cleared): as good as signed out.
    return null;
  }
}

/**
 * Fails closed: where a value can't be sealed, nothing is written and what was there goes (the
 * user stays signed in for this visit, in memory, and signs in again next time). A token is
 * never written in the clear.
 */
async function sealOrNothing(text: string): Promise<Sealed | null> {
  try {
    return await seal(text);
  } catch (error) {
    if (error instanceof NoSecretKey) return null;
    throw error;
  }
}

/**
 * Writes to one key land in the order they were asked for. Sealing is asynchronous, and Web
 * Crypto may finish a later, smaller value before an earlier, larger one: without this, the
 * session written just before a sign-out (with its token) could land after the sign-out's
 * write, and the next start would find the user signed in again.
 */
const writes = new Map<string, Promise<void>>();

function inOrder(name: string, work: () => Promise<void>): Promise<void> {
  const run = (writes.get(name) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => undefined);
  writes.set(name, settled);
  void settled.then(() => {
    if (writes.get(name) === settled) writes.delete(name);
  });
  return run;
}

/** Resolves once every secret write asked for so far is on disk (sign-out waits for it). */
export async function secretWritesSettled(): Promise<void> {
  while (writes.size > 0) await Promise.all([...writes.values()]);
}

/** zustand `persist` storage for stores holding secrets: sealed in IndexedDB. */
export const secretStateStorage: StateStorage = {
  getItem: async (name) => {
    const stored = await idbGet<unknown>(name);
    if (stored === undefined) return null;
    if (isSealed(stored)) return open(stored);
    if (typeof stored !== 'string') return null;
    // Written in the clear by an older version: seal it now, not at the next change (unless a
    // newer write got there first).
    void inOrder(name, async () => {
      if ((await idbGet<unknown>(name)) !== stored) return;
      const sealed = await sealOrNothing(stored);
      await (sealed ? idbSet(name, sealed) : idbDel(name));
    }).catch(() => undefined);
    return stored;
  },
  setItem: (name, value) =>
    inOrder(name, async () => {
      const sealed = await sealOrNothing(value);
      await (sealed ? idbSet(name, sealed) : idbDel(name));
    }),
  removeItem: (name) => inOrder(name, () => idbDel(name)),
};
