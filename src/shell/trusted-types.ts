/**
 * Trusted Types (the build's CSP requires them for script, decision 014): no string becomes
 * markup or script anywhere in PlexM8 by accident. Two things need a rule, and the browser asks
 * the policy named "default" about them:
 * - registering the service worker: workbox-window hands `navigator.serviceWorker.register` a
 *   plain string, a TrustedScriptURL sink. Only this build's own scripts pass.
 * - reading plex.tv's XML (`lib/plex/devices.ts`) with DOMParser, a TrustedHTML sink. A parsed
 *   document is inert (its scripts never run, it is never part of the page) and PlexM8 only reads
 *   attributes from it, so strings pass for DOMParser and for no other HTML sink.
 * Script strings get no rule, so they stay blocked.
 */

type Rule = (input: string, type?: string, sink?: string) => string | null;

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL: Rule; createHTML: Rule }): unknown;
}

declare global {
  interface Window {
    trustedTypes?: TrustedTypesFactory;
  }
}

/** A script URL of this build (same origin, under its base path, a .js file), or null. */
export function ownScriptUrl(
  input: string,
  location: Pick<Location, 'href' | 'origin'>,
  basePath: string,
): string | null {
  let url: URL;
  try {
    url = new URL(input, location.href);
  } catch {
    return null;
  }
  const own =
    url.origin === location.origin &&
    url.pathname.startsWith(basePath) &&
    url.pathname.endsWith('.js');
  return own ? url.href : null;
}

/** Markup only for DOMParser (the sink name is the spec's: "DOMParser parseFromString"). */
export const markupForParser: Rule = (input, _type, sink) =>
  sink === 'DOMParser parseFromString' ? input : null;

/** Before anything registers a worker; browsers without Trusted Types need nothing. */
export function installTrustedTypesPolicy(): void {
  const factory = window.trustedTypes;
  if (!factory) return;
  factory.createPolicy('default', {
    createScriptURL: (input) =>
      ownScriptUrl(input, window.location, import.meta.env.BASE_URL || '/'),
    createHTML: markupForParser,
  });
}
