import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';

// findBy…/waitFor wait for what a user would see, not for a speed: the first visit to a lazy
// screen transforms its modules, which on a loaded 2-core machine takes longer than the default
// 1 s (library-browse failed that way under CI load; at a load of 13, 5 s was not enough). A real failure still fails, only later.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has <dialog> but not its modal API (jsdom/jsdom#3294): the part ui/modal.tsx uses, as
// browsers do it, minus what only a browser can do (top layer, inertness: the e2e tests see those).
if (typeof HTMLDialogElement !== 'undefined' && !('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      if (!this.isConnected) throw new DOMException('not in a document', 'InvalidStateError');
      this.setAttribute('open', '');
    },
    close(this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    },
  });
}

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
