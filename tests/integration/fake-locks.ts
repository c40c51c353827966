/**
 * Web Locks as a browser keeps them for one origin, for tests of several tabs in one process:
 * exclusive locks, granted in the order asked, `ifAvailable` and `signal` honoured.
 */
export class FakeLocks implements Pick<LockManager, 'request' | 'query'> {
  private held = new Set<string>();
  private waiting = new Map<string, Array<() => void>>();

  request<T>(name: string, callback: (lock: Lock | null) => T): Promise<Awaited<T>>;
  request<T>(
    name: string,
    options: LockOptions,
    callback: (lock: Lock | null) => T,
  ): Promise<Awaited<T>>;
  async request<T>(
    name: string,
    optionsOrCallback: LockOptions | ((lock: Lock | null) => T),
    maybeCallback?: (lock: Lock | null) => T,
  ): Promise<Awaited<T>> {
    const options = typeof optionsOrCallback === 'function' ? {} : optionsOrCallback;
    const callback = typeof optionsOrCallback === 'function' ? optionsOrCallback : maybeCallback;
    if (!callback) throw new TypeError('no callback');
    if (this.held.has(name)) {
      if (options.ifAvailable) return await callback(null);
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiting.get(name) ?? [];
        const grant = () => resolve();
        queue.push(grant);
        this.waiting.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          queue.splice(queue.indexOf(grant), 1);
          reject(new DOMException('left the queue', 'AbortError'));
        });
      });
    }
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      const next = this.waiting.get(name)?.shift();
      if (next) next();
      else this.held.delete(name);
    }
  }

  async query(): Promise<LockManagerSnapshot> {
    return {
      held: [...this.held].map((name) => ({ name, mode: 'exclusive' as const })),
      pending: [],
    };
  }
}
