import { existsSync } from 'node:fs';
import { build } from 'vite';
import { CHROMIUM_PATH } from './browser';
import { E2E_BASE, E2E_DIST, E2E_PLEX_TV } from './ports';

/** One production build, served from a sub-path as GitHub Pages would, pointed at the fake Plex. */
export default async function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' (or .ci/run).`,
    );
  }
  process.env.VITE_PLEX_TV_URL = E2E_PLEX_TV;
  process.env.VITE_PLEX_CLIENTS_URL = E2E_PLEX_TV;
  process.env.VITE_PLEX_APP_URL = E2E_PLEX_TV;
  process.env.BASE_PATH = E2E_BASE;
  await build({
    logLevel: 'warn',
    build: { outDir: E2E_DIST, emptyOutDir: true, sourcemap: false },
  });
}
