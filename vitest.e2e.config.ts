import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium through playwright-core against a production build
// and the loopback fake Plex; tests/engines runs the core flows in Firefox and WebKitGTK too.
// They run one file at a time: two cores, one browser each.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts', 'tests/engines/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts', 'tests/engines/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
