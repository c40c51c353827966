import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium through playwright-core against a production build
// and the loopback fake Plex. They run one file at a time: two cores, one browser each.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
