import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** A folder served under a path of the origin: another build, or another app's pages. */
export interface Mount {
  dir: string;
  base: string;
}

/**
 * Serves a build the way GitHub Pages does: files under the base path, and 404.html (with status
 * 404) for anything else, which is how deep links reach the app there. `neighbours` share the
 * origin under paths of their own, as a user's project pages share `<user>.github.io`.
 */
export async function serveBuild(
  dir: string,
  base: string,
  port: number,
  neighbours: Mount[] = [],
): Promise<{ close(): Promise<void>; bumpServiceWorker(): void; setOffline(on: boolean): void }> {
  // The longest base that fits a path serves it ('/plexm8-staging/' is not under '/plexm8/').
  const mounts = [{ dir, base }, ...neighbours].sort((a, b) => b.base.length - a.base.length);
  // A "new release" without a rebuild: the service worker script changes by a comment, so the
  // browser installs it as a new version (the update prompt's test).
  let swVersion = 0;
  // "No network" for engines whose automation can't cut it: every request's connection drops.
  let offline = false;
  const server: Server = createServer(async (req, res) => {
    if (offline) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | null = null;
    const mount = mounts.find((m) => path.startsWith(m.base));
    if (mount) {
      const relative = normalize(path.slice(mount.base.length) || 'index.html').replace(
        /^(\.\.[/\\])+/,
        '',
      );
      const candidate = join(
        mount.dir,
        relative.endsWith('/') || relative === '' ? 'index.html' : relative,
      );
      const info = await stat(candidate).catch(() => null);
      if (info?.isFile()) file = candidate;
      else if (info?.isDirectory()) file = join(candidate, 'index.html');
    }
    res.setHeader('Cache-Control', 'no-cache');
    if (!file) {
      res.statusCode = 404;
      res.setHeader('Content-Type', types['.html'] ?? 'text/html');
      // Pages answers a project's unknown paths with that project's 404.html.
      const own404 = mount && (await stat(join(mount.dir, '404.html')).catch(() => null));
      createReadStream(join(own404 ? mount.dir : dir, '404.html')).pipe(res);
      return;
    }
    const type = types[extname(file)] ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    if (swVersion > 0 && path === `${base}sw.js`) {
      res.end(`${await readFile(file, 'utf8')}\n// release ${swVersion}\n`);
      return;
    }
    // Text goes out gzipped when the browser asks, as GitHub Pages sends it.
    if (
      /text|javascript|json|svg|manifest/.test(type) &&
      /gzip/.test(String(req.headers['accept-encoding']))
    ) {
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      createReadStream(file).pipe(createGzip()).pipe(res);
      return;
    }
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    bumpServiceWorker: () => void (swVersion += 1),
    setOffline: (on) => void (offline = on),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
