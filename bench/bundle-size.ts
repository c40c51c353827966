import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { figure, type Figure } from './stats';

const OUT = 'dist-bench';

/** JavaScript a first visit downloads before PlexM8 can run: entry script + modulepreloads, gzip -9. */
export async function benchFirstLoadJs(): Promise<{
  figures: Figure[];
  files: Record<string, number>;
}> {
  await build({
    mode: 'production',
    logLevel: 'silent',
    build: { outDir: OUT, emptyOutDir: true, sourcemap: false },
  });
  const html = await readFile(join(OUT, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? '');
  const files: Record<string, number> = {};
  let total = 0;
  for (const src of scripts) {
    const bytes = gzipSync(await readFile(join(OUT, src.replace(/^\/+/, ''))), { level: 9 }).length;
    files[src] = bytes;
    total += bytes;
  }
  const kb = total / 1024;
  return {
    figures: [figure('first-load JS (gzip)', 'KB', [kb], '≤ 110 KB', (m) => m <= 110)],
    files,
  };
}
