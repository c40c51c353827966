import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';

// findBy…/waitFor wait for what a user would see, not for a speed: the first visit to a lazy
// screen transforms its modules, which on a loaded 2-core machine takes longer than the default
// 1 s (library-browse failed that way under CI load; at a load of 13, 5 s was not enough). A real failure still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

// A console.error during a test is a bug we want to see fail, not scroll past.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error called: ${args.map(String).join(' ')}`);
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});
