/**
 * Where PlexM8 finds Plex. The real services by default; the demo and the tests point these at
 * the fake Plex (tests/fake-plex) through VITE_* build settings.
 */
function origin(value: string | undefined, fallback: string): string {
  return (value && value.trim() !== '' ? value : fallback).replace(/\/+$/, '');
}

export const plexEndpoints = {
  plexTv: origin(import.meta.env.VITE_PLEX_TV_URL, 'https://plex.tv'),
  clients: origin(import.meta.env.VITE_PLEX_CLIENTS_URL, 'https://clients.plex.tv'),
  app: origin(import.meta.env.VITE_PLEX_APP_URL, 'https://app.plex.tv'),
};

export const appInfo = {
  product: 'PlexM8',
  version: __APP_VERSION__,
};

/** The app's own root URL (origin + base path): the only thing forwardUrl is built from. */
export function appRootUrl(location: Pick<Location, 'origin'> = window.location): string {
  return new URL(import.meta.env.BASE_URL, location.origin).toString();
}

/**
 * The deploy guide (deploy/README.md), for the notice a copy on a shared origin shows. A build
 * links to the repository it was built from (the deploy workflow sets VITE_SOURCE_URL), so a
 * fork's copy points at the guide beside its own code.
 */
export const deployGuideUrl = `${origin(
  import.meta.env.VITE_SOURCE_URL,
  'https://github.com/plexm8/plexm8',
)}/blob/main/deploy/README.md`;
