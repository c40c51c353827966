import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser';
import { E2E_BASE, E2E_DIST, E2E_PLEX_TV } from './ports';

/** One production build, served from a sub-path as GitHub Pages would, pointed at the fake Plex. */
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' (or .ci/run).`,
    );
  }
  // A child process: inside Vitest (NODE_ENV=test) an in-process build came out as a development
  // build (dev React, no service worker). Test what users get.
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--mode',
      'production',
      '--outDir',
      E2E_DIST,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BASE_PATH: E2E_BASE,
        VITE_PLEX_TV_URL: E2E_PLEX_TV,
        VITE_PLEX_CLIENTS_URL: E2E_PLEX_TV,
        VITE_PLEX_APP_URL: E2E_PLEX_TV,
      },
    },
  );
}
