import { afterEach, describe, expect, it, vi } from 'vitest';

type Options = { onNeedRefresh?: () => void };
const registered: Options[] = [];
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: Options) => {
    registered.push(options);
    return () => Promise.resolve();
  },
}));

/** The page as the browser has it: a worker controlling it, or none (a first visit). */
function controlledBy(controller: object | null) {
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller },
  });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  registered.length = 0;
  vi.resetModules();
  vi.unstubAllEnvs();
});

async function registerAnd(controller: object | null) {
  vi.stubEnv('DEV', false);
  controlledBy(controller);
  const sw = await import('./register-service-worker');
  sw.registerServiceWorker();
  await vi.waitFor(() => expect(registered.length).toBe(1));
  return sw;
}

describe('the update offer', () => {
  it('offers a new version when a worker already runs this page', async () => {
    const sw = await registerAnd({});
    const { renderHook } = await import('@testing-library/react');
    const { result } = renderHook(() => sw.useUpdateReady());
    registered[0]?.onNeedRefresh?.();
    await vi.waitFor(() => expect(result.current).toBe(true));
  });

  it('offers nothing on a first visit, when the first install reports as waiting', async () => {
    const sw = await registerAnd(null);
    const { renderHook } = await import('@testing-library/react');
    const { result } = renderHook(() => sw.useUpdateReady());
    registered[0]?.onNeedRefresh?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result.current).toBe(false);
  });
});
