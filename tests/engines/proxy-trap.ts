import { E2E_PROXY_TRAP_PORT } from '../e2e/ports';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * Where Firefox and MiniBrowser send every request that isn't for loopback: a listener that
 * records what arrives and closes the connection. Nothing gets through, and a test can prove it
 * (an empty list), which a closed port could not.
 */
export const PROXY_TRAP_PORT = E2E_PROXY_TRAP_PORT;

export async function startProxyTrap(): Promise<{ caught: string[]; close(): Promise<void> }> {
  const caught: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('data', (data) => {
      // The request line only ("CONNECT host:443" or "GET http://host/…"): never the headers.
      caught.push(data.toString('latin1').split('\r\n')[0] ?? '');
      socket.destroy();
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(PROXY_TRAP_PORT, '127.0.0.1', resolve));
  return {
    caught,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
