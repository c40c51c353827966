/**
 * `npm start`: PlexM8 against the built-in demo Plex (tests/fake-plex) on loopback. One click on
 * "Sign in with Plex" signs you in as the demo listener.
 */
import { createServer } from 'vite';
import { createFakePlex } from '../tests/fake-plex/handler';
import { listenFakePlex } from '../tests/fake-plex/node-server';
import { allPorts, loopbackPorts, loopbackScenario } from '../tests/fake-plex/scenarios';

const basePort = Number(process.env.PLEXM8_FAKE_PORT ?? 32500);
const ports = loopbackPorts(basePort);
const fake = createFakePlex({ ...loopbackScenario(ports), autoApprove: true });
const running = await listenFakePlex(fake, allPorts(ports));
// The friend's server is switched off, so the demo also shows what an unreachable server looks like.
fake.faults.add({ kind: 'hang', origin: `http://127.0.0.1:${ports.friend}` });
// PLEXM8_DEMO=relay: away from home. The local address never answers and Plex Relay carries
// 2 Mbps (Plex Pass), so "Auto" quality can be seen fitting a hi-res album to it.
if (process.env.PLEXM8_DEMO === 'relay') {
  fake.faults.add({ kind: 'hang', origin: `http://127.0.0.1:${ports.living.local}` });
  fake.faults.add({
    kind: 'bandwidth',
    kbps: 2_000,
    origin: `http://127.0.0.1:${ports.living.relay}`,
  });
}

const plexTv = `http://127.0.0.1:${ports.plexTv}`;
process.env.VITE_PLEX_TV_URL = plexTv;
process.env.VITE_PLEX_CLIENTS_URL = plexTv;
process.env.VITE_PLEX_APP_URL = plexTv;

const server = await createServer({
  server: { port: Number(process.env.PORT ?? 5173), host: '127.0.0.1' },
});
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
console.log(`\n  PlexM8 demo is running: ${url}`);
console.log(`  Demo Plex (fake plex.tv and servers) on ports ${basePort}–${basePort + 5}.`);
console.log('  Click "Sign in with Plex" to sign in as the demo listener. Ctrl+C stops.\n');

const stop = async () => {
  await server.close();
  await running.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
