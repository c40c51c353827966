import { loopbackPorts } from '../fake-plex/scenarios';

/**
 * Fixed loopback ports: the build bakes the fake plex.tv address in, so they can't be random.
 * Below Linux's ephemeral range (32768+), so no outgoing connection can be holding one.
 * `E2E_PORT_BASE` moves them (and the build's folder), so two checkouts can run e2e at once.
 */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 21100);
export const E2E_FAKE_PORTS = loopbackPorts(PORT_BASE);
export const E2E_APP_PORT = PORT_BASE + 80;
/** The trap that Firefox and MiniBrowser send everything non-loopback to (tests/engines). */
export const E2E_PROXY_TRAP_PORT = PORT_BASE + 90;
export const E2E_BASE = '/plexm8/';
export const E2E_DIST = PORT_BASE === 21100 ? 'dist-e2e' : `dist-e2e-${PORT_BASE}`;
export const E2E_PLEX_TV = `http://127.0.0.1:${E2E_FAKE_PORTS.plexTv}`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}${E2E_BASE}`;
/** A database of the e2e build, as a fresh profile names it (src/lib/storage-names.ts). */
export const e2eDatabase = (thing?: string) => `plexm8@${E2E_BASE}${thing ? `-${thing}` : ''}`;
