/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The shape of what the query cache holds: the domain types and the mappers that make them. The
 * persisted cache is dropped when these change, not at every release (decision 013): a new
 * version that maps Plex the same way keeps the user's offline library.
 */
function querySchemaVersion(): string {
  const hash = createHash('sha256');
  for (const file of [
    'src/domain.ts',
    'src/lib/plex/map-metadata.ts',
    'src/lib/plex/map-resources.ts',
  ])
    hash.update(readFileSync(new URL(`./${file}`, import.meta.url)));
  return hash.digest('hex').slice(0, 12);
}

/** GitHub Pages serves a project under /<repo>/: the base path is a build setting. */
function basePath(): string {
  const raw = process.env.BASE_PATH ?? '/';
  const withLeading = raw.startsWith('/') ? raw : `/${raw}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

/**
 * GitHub Pages answers unknown paths with 404.html: make it the app, so deep links load PlexM8
 * (whose router then shows the right screen) instead of GitHub's page.
 */
function pagesFallback(): Plugin {
  let outDir = 'dist';
  return {
    name: 'plexm8-pages-404',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await copyFile(resolve(outDir, 'index.html'), resolve(outDir, '404.html'));
    },
  };
}

/**
 * What PlexM8 may load, as a CSP <meta> (GitHub Pages can't send headers; decision 014). Its own
 * code; its own styles plus the one inline <style> of index.html, allowed by its hash. Plex
 * servers are reached over https (*.plex.direct, the relay), so requests, artwork and audio may
 * come from any https host; plain http only from this machine (the demo, the tests, a server on
 * loopback), the one place an https page may use it too. Downloads play from blob: URLs; howler
 * stops an unloaded track's download by pointing its element at a silent data: WAV (Firefox
 * reports the CSP refusal as a page error; Chromium stays quiet). Trusted Types: no string ever
 * becomes markup or script; the one policy (src/shell/trusted-types.ts) passes this build's own
 * script URLs, which is what registering the service worker needs. `frame-ancestors` is ignored
 * in a meta tag: src/shell/frame-guard.ts refuses to run framed instead. The dev server is left
 * alone (its HMR client runs inline code).
 */
const LOOPBACK_HTTP = 'http://127.0.0.1:* http://localhost:*';

function policy(styleHashes: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${styleHashes.map((h) => `'${h}'`).join(' ')}`.trim(),
    `img-src 'self' data: blob: https: ${LOOPBACK_HTTP}`,
    `media-src 'self' data: blob: https: ${LOOPBACK_HTTP}`,
    `connect-src 'self' https: ${LOOPBACK_HTTP}`,
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types default',
  ].join('; ');
}

/** `sha256-…` of every inline <style> in a page, as the browser hashes it (its text, UTF-8). */
function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(
    (m) =>
      `sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}`,
  );
}

function contentSecurityPolicy(): Plugin {
  let outDir = 'dist';
  return {
    name: 'plexm8-csp',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After Vite has minified the inline <style>: the hash must be of the text the page ships.
    transformIndexHtml: {
      order: 'post',
      handler: (html) => [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: policy(inlineStyleHashes(html)),
          },
          injectTo: 'head-prepend',
        },
      ],
    },
    // A style Vite rewrote after the policy was made would be refused: fail the build instead.
    async closeBundle() {
      const html = await readFile(resolve(outDir, 'index.html'), 'utf8');
      const missing = inlineStyleHashes(html).filter((h) => !html.includes(`&#39;${h}&#39;`));
      if (missing.length > 0)
        throw new Error(`index.html's CSP lacks the hash of an inline style (${missing.join()})`);
    },
  };
}

export default defineConfig({
  base: basePath(),
  plugins: [
    react(),
    contentSecurityPolicy(),
    pagesFallback(),
    VitePWA({
      // Never reload on our own: an automatic update would cut off the music (web-platform.md).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'PlexM8',
        short_name: 'PlexM8',
        description: 'Your Plex music, in the browser and on your phone, even offline.',
        theme_color: '#121212',
        background_color: '#121212',
        display: 'standalone',
        // Relative to the manifest, so the app works under any base path (vite-plugin-pwa#713).
        start_url: '.',
        scope: '.',
        id: '.',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Caches carry the app's name: every project page of a GitHub user shares one origin.
        cacheId: 'plexm8',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
        // The shell only: Plex responses and audio never go through the service worker's caches.
        runtimeCaching: [],
        // Sends what a page going away hands it (Plex's "stopped"): public/sw-page-away.js.
        importScripts: ['sw-page-away.js'],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __QUERY_SCHEMA__: JSON.stringify(querySchemaVersion()),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry and the lazy chunks share (React, the stores' storage and shapes) is one
          // chunk, not five: each one more is a request and its own gzip dictionary on the start's
          // critical path (about 1 KB gzip and four round trips; decision 022).
          groups: [
            {
              name: 'boot',
              test: /node_modules\/(react|idb-keyval|valibot|zustand)\/|src\/lib\/(write-gate|storage-names|persisted-shape|idb)\.ts/,
            },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    include: [
      'src/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.{ts,tsx}',
      'tests/fake-plex/**/*.test.ts',
      'tests/lint/**/*.test.ts',
      // The e2e suite's own helpers (their logic, without a browser).
      'tests/e2e/**/*.test.ts',
    ],
    restoreMocks: true,
    // Integration tests render the whole app in jsdom: on a 2-core machine also running browsers
    // (CI beside other work, load 10+) one took 5–6 s, past Vitest's default 5 s.
    testTimeout: 30_000,
  },
});
