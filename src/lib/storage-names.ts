import { createStore, get, update } from 'idb-keyval';

/**
 * The names PlexM8 stores things under: IndexedDB databases, localStorage keys and
 * BroadcastChannels. They follow the build's base path, so two copies of PlexM8 on one origin (a
 * fork, a staging build under another project path) never share a database, a session or a
 * channel (docs/decisions/013). The service worker's precache is already apart: workbox appends
 * the registration scope to its cache names.
 *
 * Versions before this one used bare `plexm8…` names. The first build on the origin that finds
 * those databases claims them and keeps using them, so an upgrade keeps the user signed in with
 * their downloads without copying gigabytes of music between databases; every other build uses
 * names of its own.
 */
export type NameScheme = 'legacy' | 'own';

const LEGACY_PREFIX = 'plexm8';
const CLAIM_KEY = 'claimed-by-base-path';

const basePath = (): string => import.meta.env.BASE_URL || '/';
const schemeKey = () => `plexm8:${basePath()}:storage-names`;

let scheme: NameScheme | null = null;

function readScheme(): NameScheme {
  if (scheme) return scheme;
  try {
    const stored = localStorage.getItem(schemeKey());
    if (stored === 'legacy' || stored === 'own') scheme = stored;
  } catch {
    // No localStorage (a refused private mode): names of our own, decided again next start.
  }
  return scheme ?? 'own';
}

/** The prefix every name of this build starts with. */
export function storagePrefix(): string {
  return readScheme() === 'legacy' ? LEGACY_PREFIX : `${LEGACY_PREFIX}@${basePath()}`;
}

/** One stored thing's name: `plexm8-download-files`, or `plexm8@/staging/-download-files`. */
export function storageName(thing?: string): string {
  return thing ? `${storagePrefix()}-${thing}` : storagePrefix();
}

/** Every IndexedDB database this build owns (the shared-origin check tells them from others'). */
export const OWN_DATABASES = [
  '',
  'query-cache',
  'download-files',
  'download-jobs',
  'download-sets',
] as const;
export const ownDatabaseNames = (): string[] =>
  OWN_DATABASES.map((d) => storageName(d || undefined));

async function legacyDatabasesExist(): Promise<boolean> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return false;
  const names = (await indexedDB.databases()).map((d) => d.name);
  return names.includes(LEGACY_PREFIX);
}

/**
 * Decided once per origin and base path, before anything opens a database: does this build own
 * the pre-namespace databases? A claim is one IndexedDB `update`, so two builds starting at once
 * can't both win.
 */
export async function settleStorageNames(): Promise<NameScheme> {
  if (scheme) return scheme;
  try {
    const stored = localStorage.getItem(schemeKey());
    if (stored === 'legacy' || stored === 'own') return (scheme = stored);
  } catch {
    return (scheme = 'own');
  }
  let decided: NameScheme = 'own';
  try {
    if (await legacyDatabasesExist()) {
      const legacy = createStore(LEGACY_PREFIX, 'kv');
      const me = basePath();
      await update<string>(CLAIM_KEY, (owner) => owner ?? me, legacy);
      decided = (await get<string>(CLAIM_KEY, legacy)) === me ? 'legacy' : 'own';
    }
  } catch {
    decided = 'own';
  }
  try {
    localStorage.setItem(schemeKey(), decided);
  } catch {
    // Decided again at the next start, with the same answer.
  }
  return (scheme = decided);
}

/** Tests start each case with no decision made. */
export function forgetStorageNamesForTests(): void {
  scheme = null;
}
