import { createElement, lazy, type ComponentType } from 'react';

/**
 * A component in its own chunk. Once its chunk has loaded it renders directly rather than through
 * React.lazy: lazy always suspends once, and React then holds the revealed content back for up to
 * 300 ms (Suspense fallback throttling). Call `preload()` early so that never shows.
 */
export function lazyComponent<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
) {
  let loaded: ComponentType<P> | null = null;
  const preload = () =>
    load().then((module) => {
      loaded = pick(module);
      return loaded;
    });
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Component(props: P) {
    return createElement<P>(loaded ?? (Lazy as unknown as ComponentType<P>), props);
  }
  return Object.assign(Component, { preload });
}
