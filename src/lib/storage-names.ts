import { createStore, get, update } from 'idb-keyval';

/**
 * The names PlexM8 stores things under: IndexedDB databases, localStorage keys and
 * BroadcastChannels. They follow the build's base path, so two copies of PlexM8 on one origin (a
 * fork, a staging build under another project path) never share a database, a session or a
 * channel (docs/decisions/013). The service worker's precache is already apart: workbox appends
 * the registration scope to its cache names.
 *
 * Versions before this one used bare `plexm8…` names. The build at the base path an older
 * version ran at claims those databases and keeps using them, so an upgrade keeps the user signed
 * in with their downloads without copying gigabytes of music between databases; every other
 * build uses names of its own (settleStorageNames).
 */
export type NameScheme = 'legacy' | 'own';

const LEGACY_PREFIX = 'plexm8';
const CLAIM_KEY = 'claimed-by-base-path';

const basePath = (): string => import.meta.env.BASE_URL || '/';
const schemeKey = () => `plexm8:${basePath()}:storage-names`;

let scheme: NameScheme | null = null;
/** A name was given out before the scheme was settled (with the default, 'own'). */
let guessed = false;

function readScheme(): NameScheme {
  if (scheme) return scheme;
  guessed = true;
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

/** Every IndexedDB database this build owns, by name (the shared-origin check matches by prefix). */
export const OWN_DATABASES = [
  '',
  'query-cache',
  'download-files',
  'download-jobs',
  'download-sets',
] as const;
export const ownDatabaseNames = (): string[] =>
  OWN_DATABASES.map((d) => storageName(d || undefined));

/** Whether the pre-namespace databases are here: null where the browser can't list databases. */
async function legacyDatabasesExist(): Promise<boolean | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const names = (await indexedDB.databases()).map((d) => d.name);
  return names.includes(LEGACY_PREFIX);
}

/**
 * Whether an older PlexM8 ran at this very base path: its service worker's precache is named
 * after its scope (workbox: `plexm8-precache-v2-<scope>`), and it is there before this build's
 * worker registers. null where there are no caches to ask.
 */
async function olderBuildRanHere(): Promise<boolean | null> {
  if (typeof caches === 'undefined') return null;
  const scope = new URL(basePath(), window.location.origin).href;
  const names = await caches.keys();
  return names.some((name) => name.startsWith(`${LEGACY_PREFIX}-precache`) && name.endsWith(scope));
}

/**
 * Whose the pre-namespace databases are. Every build before names followed the base path shared
 * them, so they are this build's only if an older build ran at this path (a staging build under
 * another path opened first must not take production's sign-in and downloads), and then only if
 * no other build has claimed them: a claim is one IndexedDB `update`, so two can't both win.
 */
async function claimsOlderData(): Promise<boolean> {
  const [databases, ranHere] = await Promise.all([legacyDatabasesExist(), olderBuildRanHere()]);
  if (databases === false || ranHere === false) return false;
  // Neither can be asked: nothing says these are ours.
  if (databases === null && ranHere === null) return false;
  const legacy = createStore(LEGACY_PREFIX, 'kv');
  const me = basePath();
  await update<string>(CLAIM_KEY, (owner) => owner ?? me, legacy);
  return (await get<string>(CLAIM_KEY, legacy)) === me;
}

/** Decided once per origin and base path, before anything opens a database. */
export async function settleStorageNames(): Promise<NameScheme> {
  if (scheme) return scheme;
  let decided: NameScheme | null = null;
  try {
    const stored = localStorage.getItem(schemeKey());
    if (stored === 'legacy' || stored === 'own') decided = stored;
  } catch {
    decided = 'own';
  }
  if (decided === null) {
    decided = await claimsOlderData().then(
      (ours): NameScheme => (ours ? 'legacy' : 'own'),
      (): NameScheme => 'own',
    );
    try {
      localStorage.setItem(schemeKey(), decided);
    } catch {
      // Decided again at the next start, with the same answer.
    }
  }
  // Something opened a database before this decision (a store hydrating at import): it holds the
  // wrong one for the rest of the page, and the user would start signed out with no downloads.
  if (guessed && decided !== 'own')
    throw new Error('PlexM8 opened its storage before deciding where it lives');
  return (scheme = decided);
}

/** Tests start each case with no decision made. */
export function forgetStorageNamesForTests(): void {
  scheme = null;
  guessed = false;
}
