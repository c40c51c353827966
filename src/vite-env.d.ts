/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

declare const __APP_VERSION__: string;
/** Changes when the shape of cached Plex data does (vite.config.ts querySchemaVersion). */
declare const __QUERY_SCHEMA__: string;

interface ImportMetaEnv {
  /** plex.tv API origin; the fake Plex for the demo and tests. */
  readonly VITE_PLEX_TV_URL?: string;
  /** clients.plex.tv origin (resources). */
  readonly VITE_PLEX_CLIENTS_URL?: string;
  /** app.plex.tv origin (the sign-in page). */
  readonly VITE_PLEX_APP_URL?: string;
  /** The repository a build comes from (its deploy guide): https://github.com/<owner>/<repo>. */
  readonly VITE_SOURCE_URL?: string;
}
