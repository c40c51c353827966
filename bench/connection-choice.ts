import { chooseConnection } from '../src/features/servers/choose-connection';
import { identityProbe, PROBE_TIMEOUT_MS } from '../src/features/servers/probe-connection';
import { PlexTvClient } from '../src/lib/plex/plex-tv-client';
import type { PlexClientInfo } from '../src/lib/plex/client-info';
import { createFakePlex } from '../tests/fake-plex/handler';
import { listenFakePlex } from '../tests/fake-plex/node-server';
import { allPorts, loopbackPorts, loopbackScenario } from '../tests/fake-plex/scenarios';
import { figure, type Figure } from './stats';

const client: PlexClientInfo = {
  clientId: 'bench-client',
  product: 'PlexM8',
  version: 'bench',
  platform: 'Node',
  device: 'bench',
  deviceName: 'bench',
};

/**
 * Time from "resources received" to "connection chosen", over real HTTP on loopback: one hanging
 * local, one live relay, one live remote (the choice can't beat the probe timeout by design), and
 * all live (the local answer should win at once).
 */
export async function benchConnectionChoice(runs = 5): Promise<Figure[]> {
  const ports = loopbackPorts(21300);
  const fake = createFakePlex(loopbackScenario(ports));
  const running = await listenFakePlex(fake, allPorts(ports));
  const plexTv = new PlexTvClient({
    endpoints: {
      plexTv: `http://127.0.0.1:${ports.plexTv}`,
      clients: `http://127.0.0.1:${ports.plexTv}`,
      app: '',
    },
    client,
  });
  const measure = async () => {
    const { servers } = await plexTv.getServers(fake.model.user.token);
    const server = servers[0];
    if (!server) throw new Error('no server');
    const started = performance.now();
    const choice = await chooseConnection(server.connections, identityProbe(server.id, client), {
      pageProtocol: 'https:',
    });
    return { ms: performance.now() - started, tier: choice.chosen?.tier };
  };
  try {
    const allLive: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const r = await measure();
      if (r.tier !== 'local') throw new Error(`expected local, got ${r.tier}`);
      allLive.push(r.ms);
    }
    fake.faults.add({ kind: 'hang', origin: `http://127.0.0.1:${ports.living.local}` });
    const hanging: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const r = await measure();
      if (r.tier !== 'relay') throw new Error(`expected relay, got ${r.tier}`);
      hanging.push(r.ms);
    }
    return [
      figure('connection chosen, all live (local wins)', 'ms', allLive, '≤ 50 ms', (m) => m <= 50),
      figure(
        'connection chosen, local hanging (relay wins)',
        'ms',
        hanging,
        `≤ probe timeout + 250 ms (${PROBE_TIMEOUT_MS + 250})`,
        (m) => m <= PROBE_TIMEOUT_MS + 250,
      ),
    ];
  } finally {
    await running.close();
  }
}
