import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FakePlex } from './handler';

export interface RunningFakePlex {
  close(): Promise<void>;
}

async function toRequest(
  req: IncomingMessage,
  host: string,
  signal: AbortSignal,
): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const hasBody = chunks.length > 0 && req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(`http://${host}${req.url ?? '/'}`, {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
    signal,
  });
}

async function answer(fake: FakePlex, host: string, req: IncomingMessage, res: ServerResponse) {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  try {
    const response = await fake.handle(await toRequest(req, host, controller.signal));
    if (response.type === 'error') {
      req.socket.destroy();
      return;
    }
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (!response.body) {
      res.end();
      return;
    }
    // Streamed, so a slow body arrives slowly and a body that errors cuts the connection.
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        res.write(value);
      }
      res.end();
    } catch {
      req.socket.destroy();
    }
  } catch (error) {
    if (controller.signal.aborted) return;
    res.statusCode = 500;
    res.end(String(error));
  }
}

/** Serves one fake Plex on several loopback ports: each port is one origin (plex.tv, a connection). */
export async function listenFakePlex(
  fake: FakePlex,
  ports: number[],
  host = '127.0.0.1',
): Promise<RunningFakePlex> {
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  for (const port of ports) {
    const server = createServer((req, res) => void answer(fake, `${host}:${port}`, req, res));
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    servers.push(server);
  }
  return {
    async close() {
      // Hanging routes keep sockets open on purpose: end them, or close() would wait forever.
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))),
      );
    },
  };
}
