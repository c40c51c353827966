import { storageName, storagePrefix } from '../lib/storage-names';

/**
 * Does this copy of PlexM8 share its origin with other pages? Every project page of a GitHub
 * user lives on one `<user>.github.io` origin, and a page there (or an XSS in one) can read
 * PlexM8's IndexedDB and unseal its tokens with the stored key, plant its own index.html in
 * PlexM8's precache and unregister its service worker: paths and service-worker scopes separate
 * nothing. The user is told once (decision 014, deploy/README.md).
 */
export interface OriginFacts {
  hostname: string;
  /** This build's base path ("/" for an origin of its own). */
  basePath: string;
  /** IndexedDB databases on this origin that aren't this build's. */
  otherDatabases: string[];
  /** Service workers registered on this origin for another scope than this build's. */
  otherWorkerScopes: string[];
}

export type SharedOriginSign = 'project-page' | 'other-apps';

/**
 * Why this origin looks shared, or nothing. A github.io address with a base path other than "/"
 * is a project page, whose origin the owner's other project pages share by design. Anywhere,
 * another app's databases or service worker on the origin show a neighbour (another PlexM8 build
 * included: its data is as reachable as anyone's).
 */
export function sharedOriginSigns(facts: OriginFacts): SharedOriginSign[] {
  const signs: SharedOriginSign[] = [];
  const host = facts.hostname.toLowerCase().replace(/\.$/, '');
  if (host.endsWith('.github.io') && facts.basePath !== '/') signs.push('project-page');
  if (facts.otherDatabases.length > 0 || facts.otherWorkerScopes.length > 0)
    signs.push('other-apps');
  return signs;
}

/** Is a database name this build's? Its names all start with its prefix (lib/storage-names). */
export function isOwnDatabase(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** What the browser lets PlexM8 see of its origin; a browser that shows nothing shows nothing. */
export async function readOriginFacts(): Promise<OriginFacts> {
  const basePath = import.meta.env.BASE_URL || '/';
  const prefix = storagePrefix();
  let otherDatabases: string[] = [];
  try {
    if (typeof indexedDB.databases === 'function')
      otherDatabases = (await indexedDB.databases())
        .flatMap((d) => (d.name ? [d.name] : []))
        .filter((name) => !isOwnDatabase(name, prefix));
  } catch {
    // A private mode refusing IndexedDB: nothing seen.
  }
  let otherWorkerScopes: string[] = [];
  try {
    const ownScope = new URL(basePath, window.location.origin).href;
    if ('serviceWorker' in navigator)
      otherWorkerScopes = (await navigator.serviceWorker.getRegistrations())
        .map((r) => r.scope)
        .filter((scope) => scope !== ownScope);
  } catch {
    // No service workers here (a private mode, an http origin other than loopback).
  }
  return { hostname: window.location.hostname, basePath, otherDatabases, otherWorkerScopes };
}

/** "Got it" holds for this build (its base path) for good: the facts don't change by waiting. */
const dismissedKey = () => storageName('shared-origin-notice-dismissed');

export function sharedOriginNoticeDismissed(): boolean {
  try {
    return localStorage.getItem(dismissedKey()) !== null;
  } catch {
    return false;
  }
}

export function dismissSharedOriginNotice(now = Date.now()): void {
  try {
    localStorage.setItem(dismissedKey(), String(now));
  } catch {
    // Not remembered: the notice comes back next start, which is the safe way to be wrong.
  }
}
