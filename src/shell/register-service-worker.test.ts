import { afterEach, describe, expect, it, vi } from 'vitest';

type Options = { onNeedRefresh?: () => void; onNeedReload?: () => void };
const registered: Options[] = [];
vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: Options) => {
    registered.push(options);
    return () => Promise.resolve();
  },
}));

/** The page as the browser has it: a worker controlling it, or none (a first visit). */
function controlledBy(controller: object | null) {
  const container = Object.assign(new EventTarget(), {
    controller,
    getRegistration: () => Promise.resolve(undefined),
  });
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: container });
  return container;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  registered.length = 0;
  vi.resetModules();
  vi.unstubAllEnvs();
});

async function registerAnd(controller: object | null) {
  vi.stubEnv('DEV', false);
  const container = controlledBy(controller);
  const sw = await import('./register-service-worker');
  sw.registerServiceWorker();
  await vi.waitFor(() => expect(registered.length).toBe(1));
  return Object.assign(sw, {
    /** Another tab took the new version: this page gets its worker as controller. */
    takenElsewhere: () => container.dispatchEvent(new Event('controllerchange')),
  });
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

  it('never reloads a tab because another took the new version: it offers it instead', async () => {
    const sw = await registerAnd({});
    const { renderHook } = await import('@testing-library/react');
    const { result } = renderHook(() => sw.useUpdateReady());
    // Without it, vite-plugin-pwa reloads every tab that offered the update when any takes it.
    expect(registered[0]?.onNeedReload).toBeTypeOf('function');
    registered[0]?.onNeedReload?.();
    sw.takenElsewhere();
    await vi.waitFor(() => expect(result.current).toBe(true));
  });

  it('holds an offer put off while music played until the music stops', async () => {
    const sw = await registerAnd({});
    const { renderHook, act } = await import('@testing-library/react');
    const { result } = renderHook(() => sw.useUpdateReady());
    act(() => registered[0]?.onNeedRefresh?.());
    expect(result.current).toBe(true);
    act(() => sw.dismissUpdate({ whilePlaying: true }));
    act(() => sw.takenElsewhere());
    expect(result.current).toBe(false);
    act(() => sw.offerAgain());
    expect(result.current).toBe(true);
  });

  it('keeps an offer put off with nothing playing put off, whatever plays later', async () => {
    const sw = await registerAnd({});
    const { renderHook, act } = await import('@testing-library/react');
    const { result } = renderHook(() => sw.useUpdateReady());
    act(() => registered[0]?.onNeedRefresh?.());
    act(() => sw.dismissUpdate({ whilePlaying: false }));
    act(() => sw.offerAgain());
    expect(result.current).toBe(false);
  });
});
