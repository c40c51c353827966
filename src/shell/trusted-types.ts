/**
 * Trusted Types (the build's CSP requires them for script, decision 014): no string becomes
 * markup or script anywhere in PlexM8. The one thing that needs a policy is registering the
 * service worker (workbox-window hands `navigator.serviceWorker.register` a plain string, a
 * TrustedScriptURL sink); the browser asks the policy named "default" about such strings, and it
 * lets through only this build's own scripts. Markup and script strings get no rule, so they stay
 * blocked.
 */

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string | null }): unknown;
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

/** Before anything registers a worker; browsers without Trusted Types need nothing. */
export function installTrustedTypesPolicy(): void {
  const factory = window.trustedTypes;
  if (!factory) return;
  factory.createPolicy('default', {
    createScriptURL: (input) =>
      ownScriptUrl(input, window.location, import.meta.env.BASE_URL || '/'),
  });
}
