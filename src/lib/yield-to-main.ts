/**
 * Long work on the main thread, cut into slices: between them the browser paints, handles a tap
 * and runs other tasks. A page of 2,000 tracks parsed in one go was one long task
 * (docs/decisions/025), and so was a 20,000-track set queued in one go (decision 026).
 */

/** Hands the main thread back for a moment; the work goes on in a task of its own. */
export function yieldToMain(): Promise<void> {
  // scheduler.yield (Chromium, Firefox 142+) resumes ahead of other queued tasks: the work
  // doesn't wait behind every timer, and input still goes first.
  if ('scheduler' in globalThis && typeof scheduler.yield === 'function') return scheduler.yield();
  // A message, not setTimeout(0): nested timeouts are held back 4 ms each. Outside a page (a
  // test's Node), a timeout.
  if (typeof MessageChannel !== 'function' || typeof window === 'undefined')
    return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * A time budget for one slice of work, checked as it goes (`if (slices.due()) await
 * slices.pause()`): small work (a first page of 50) never yields, so it never waits.
 */
export class Slices {
  private start = performance.now();

  constructor(private readonly budgetMs = 8) {}

  /** This slice has run its budget. */
  due(): boolean {
    return performance.now() - this.start >= this.budgetMs;
  }

  /** Yields, and starts the next slice. */
  async pause(): Promise<void> {
    await yieldToMain();
    this.start = performance.now();
  }
}
