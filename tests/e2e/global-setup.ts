import { existsSync } from 'node:fs';
import { CHROMIUM_PATH } from './browser';
import { buildApp } from './build-app';
import { E2E_BASE, E2E_DIST } from './ports';

/** One production build, served from a sub-path as GitHub Pages would, pointed at the fake Plex. */
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run 'apt-get install -y chromium' (or .ci/run).`,
    );
  }
  buildApp({ base: E2E_BASE, outDir: E2E_DIST });
}
