import { afterEach, describe, expect, it, vi } from 'vitest';

const scope = 'https://jo.github.io/plexm8/';
const asset = (name: string) => `${scope}assets/${name}`;

/** Cache Storage as the worker left it: this app's precache, and a neighbour's on the origin. */
function cachesHolding(byName: Record<string, string[]>) {
  vi.stubGlobal('caches', {
    keys: async () => Object.keys(byName),
    open: async (name: string) => ({
      keys: async () => (byName[name] ?? []).map((url) => new Request(url)),
    }),
  });
}

/** A page its worker controls; `waiting`: a newer worker has installed. */
function controlled({ waiting = false } = {}) {
  const worker = new EventTarget();
  Object.defineProperty(navigator, 'serviceWorker', {
    configurable: true,
    value: { controller: worker },
  });
  return {
    scope,
    installing: null,
    waiting: waiting ? new EventTarget() : null,
  };
}

const added = () =>
  [...document.head.querySelectorAll('link')].map((l) => `${l.rel} ${l.href.slice(scope.length)}`);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
  Reflect.deleteProperty(navigator, 'serviceWorker');
  document.head.replaceChildren();
});

describe('keeping this version when a new one arrives', () => {
  it("takes in this build's scripts (not run) and styles that aren't loaded yet", async () => {
    cachesHolding({
      [`plexm8-precache-v2-${scope}`]: [
        asset('index-A1.js'),
        asset('index-A1.css'),
        asset('sign-out-dialog-B2.js'),
        asset('sign-out-dialog-C3.css'),
        `${scope}index.html?__WB_REVISION__=1`,
        `${scope}icons/icon-192.png`,
      ],
      'plexm8-precache-v2-https://jo.github.io/plexm8-staging/': [
        'https://jo.github.io/plexm8-staging/assets/index-Z9.js',
      ],
    });
    const { keepThisVersion, noteThisVersion } = await import('./keep-this-version');
    const loaded = document.createElement('link');
    loaded.rel = 'stylesheet';
    loaded.href = asset('index-A1.css');
    document.head.append(loaded);
    const entry = document.createElement('script');
    entry.src = asset('index-A1.js');
    document.head.append(entry);

    await noteThisVersion(controlled());
    // The new version installs into the same cache.
    cachesHolding({
      [`plexm8-precache-v2-${scope}`]: [asset('index-N1.js'), asset('index-N1.css')],
    });
    await keepThisVersion(scope);
    expect(added()).toEqual([
      'stylesheet assets/index-A1.css',
      'modulepreload assets/sign-out-dialog-B2.js',
      'stylesheet assets/sign-out-dialog-C3.css',
    ]);
  });

  it('without a note of its own files (an update was already installing), takes scripts only', async () => {
    cachesHolding({
      [`plexm8-precache-v2-${scope}`]: [asset('a-1.js'), asset('a-1.css'), asset('b-2.js')],
    });
    const { keepThisVersion, noteThisVersion } = await import('./keep-this-version');
    await noteThisVersion(controlled({ waiting: true }));
    await keepThisVersion(scope);
    expect(added()).toEqual(['modulepreload assets/a-1.js', 'modulepreload assets/b-2.js']);
  });
});
