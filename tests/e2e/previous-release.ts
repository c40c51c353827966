import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildApp } from './build-app';
import { E2E_BASE, E2E_DIST } from './ports';

/**
 * The release users have today: the last commit that landed before stored shapes began to change
 * (decision 013). Its data is what an upgrade must keep. Move it forward when a release ships.
 */
export const PREVIOUS_RELEASE = '8b5ed27';

/**
 * Builds PREVIOUS_RELEASE from git history, as the e2e build is made (same base path, same fake
 * plex.tv), into `<e2e build folder>-previous`, and returns that folder. The source comes out of git
 * (`git archive`), so the checkout's work tree is never touched; node_modules are shared, which
 * holds while every package the release names is asked for as it asked (checked: packages added
 * since, a lint tool say, don't matter to its build).
 */
export function buildPreviousRelease(): string {
  const root = resolve(import.meta.dirname, '../..');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  try {
    git('rev-parse', '--verify', `${PREVIOUS_RELEASE}^{commit}`);
  } catch {
    throw new Error(
      `The upgrade test needs commit ${PREVIOUS_RELEASE} (a shallow clone lacks it): git fetch --unshallow`,
    );
  }
  const changed = changedPackages(
    git('show', `${PREVIOUS_RELEASE}:package.json`),
    git('show', 'HEAD:package.json'),
  );
  if (changed.length > 0)
    throw new Error(
      `${changed.join(', ')} changed since ${PREVIOUS_RELEASE}: give the previous release its own npm ci`,
    );
  const source = resolve(root, 'tmp', `release-${PREVIOUS_RELEASE}`);
  const out = resolve(root, `${E2E_DIST}-previous`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${PREVIOUS_RELEASE} | tar -x -C "${source}"`], {
    cwd: root,
    timeout: 60_000,
  });
  if (!existsSync(resolve(source, 'node_modules')))
    symlinkSync(resolve(root, 'node_modules'), resolve(source, 'node_modules'), 'dir');
  buildApp({ base: E2E_BASE, outDir: out, cwd: source });
  rmSync(source, { recursive: true, force: true });
  return out;
}

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** The release's packages that today's package.json asks for differently, or not at all. */
export function changedPackages(releaseJson: string, headJson: string): string[] {
  const release = JSON.parse(releaseJson) as Manifest;
  const head = JSON.parse(headJson) as Manifest;
  const now = { ...head.devDependencies, ...head.dependencies };
  return Object.entries({ ...release.devDependencies, ...release.dependencies })
    .filter(([name, range]) => now[name] !== range)
    .map(([name]) => name);
}
