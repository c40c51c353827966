import { PmsClient } from '../../src/lib/plex/pms-client';
import { createFakePlex } from '../fake-plex/handler';
import { LIVING_ROOM_ID, hostnameScenario } from '../fake-plex/scenarios';

/**
 * A PmsClient talking straight to the one fake Plex (no MSW, no DOM), which keeps a real server's
 * rules: a transcode needs its decision, play queues answer windows, and so on.
 */
export function pmsOnFake() {
  const fake = createFakePlex(hostnameScenario());
  const server = fake.model.servers[0];
  if (!server) throw new Error('no server');
  const origin = server.connections[0]?.uri ?? '';
  const client = new PmsClient({
    client: {
      clientId: 'client-1',
      product: 'PlexM8',
      version: '1',
      platform: 'Chrome',
      device: 'Linux',
      deviceName: 'PlexM8',
    },
    machineId: LIVING_ROOM_ID,
    token: server.accessToken,
    baseUrl: () => origin,
    fetchImpl: (url, init) => fake.handle(new Request(url, init)),
  });
  return { fake, server, client, origin };
}
