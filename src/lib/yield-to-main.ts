/**
 * Lets the browser run other tasks (input, rendering) before going on: long work done in slices
 * with this between them keeps every task short. `scheduler.yield()` where there is one (Chromium
 * 129+: the rest of the work keeps its place ahead of other queued tasks); else a macrotask by
 * MessageChannel, which unlike a nested `setTimeout(0)` isn't held back 4 ms after five levels.
 */
interface Scheduler {
  yield?: () => Promise<void>;
}

export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function' && typeof window !== 'undefined')
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  return new Promise((resolve) => setTimeout(resolve, 0));
}
