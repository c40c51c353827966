/**
 * Chrome's Local Network Access (142+): a page on a public origin asks the user before it may
 * reach a private address, plex.direct names of LAN servers included (docs/decisions/002). While
 * the answer is `prompt`, a local probe that fails or times out says nothing about the server:
 * the user may not have answered yet (and headless Chromium refuses at once).
 */
export type LocalNetworkState = 'granted' | 'prompt' | 'denied' | 'unsupported';

/** `local-network` since Chrome 145; `local-network-access` before it. */
const NAMES = ['local-network', 'local-network-access'];

let status: PermissionStatus | null = null;
let state: LocalNetworkState = 'unsupported';
let ready: Promise<void> | null = null;
const listeners = new Set<(state: LocalNetworkState) => void>();

function watch(): Promise<void> {
  ready ??= (async () => {
    const permissions = typeof navigator === 'undefined' ? undefined : navigator.permissions;
    if (!permissions) return;
    for (const name of NAMES) {
      try {
        status = await permissions.query({ name: name as PermissionName });
        break;
      } catch {
        // Not a permission this browser knows (Firefox, Safari): no Local Network Access there.
      }
    }
    if (!status) return;
    state = status.state;
    status.addEventListener('change', () => {
      state = status?.state ?? 'unsupported';
      for (const listener of listeners) listener(state);
    });
  })();
  return ready;
}

/**
 * A page served from a private or loopback address (`npm start`, a LAN-hosted copy) is not
 * asked: Chrome checks only requests from a less private address space to a more private one.
 * The permission still reads "prompt" there, so the page's own host decides.
 */
export function pageIsOnPrivateNetwork(hostname = window.location.hostname): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    hostname.endsWith('.local') ||
    /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.)/.test(hostname)
  );
}

/** The permission now (after its first read); "granted" where the page is never asked. */
export async function localNetworkState(): Promise<LocalNetworkState> {
  await watch();
  return state === 'prompt' && pageIsOnPrivateNetwork() ? 'granted' : state;
}

/** Told when the user answers the prompt or changes the setting. */
export function onLocalNetworkChange(listener: (state: LocalNetworkState) => void): () => void {
  void watch();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
