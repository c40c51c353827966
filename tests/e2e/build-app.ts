import { execFileSync } from 'node:child_process';
import { E2E_PLEX_TV } from './ports';

/**
 * A production build of PlexM8 under `base`, pointed at the fake Plex, as users get it. In a child
 * process: inside Vitest (NODE_ENV=test) an in-process build came out as a development build (dev
 * React, no service worker). `cwd` builds another source tree (an earlier release's).
 */
export function buildApp({ base, outDir, cwd }: { base: string; outDir: string; cwd?: string }) {
  execFileSync(
    'npx',
    [
      'vite',
      'build',
      '--mode',
      'production',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    {
      cwd,
      stdio: 'inherit',
      // It blocks the test process: a build that stalls must fail the run, not hold it forever.
      timeout: 10 * 60_000,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BASE_PATH: base,
        VITE_PLEX_TV_URL: E2E_PLEX_TV,
        VITE_PLEX_CLIENTS_URL: E2E_PLEX_TV,
        VITE_PLEX_APP_URL: E2E_PLEX_TV,
      },
    },
  );
}
