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
 * holds while package.json is the same as the release's (checked).
 */
export function buildPreviousRelease(): string {
  const root = resolve(import.meta.dirname, '../..');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  try {
    git('rev-parse', '--verify', `${PREVIOUS_RELEASE}^{commit}`);
  } catch {
    throw new Error(
      `The upgrade test needs commit ${PREVIOUS_RELEASE} (a shallow clone lacks it): git fetch --unshallow`,
    );
  }
  if (git('diff', PREVIOUS_RELEASE, 'HEAD', '--', 'package.json').trim() !== '')
    throw new Error(
      `package.json changed since ${PREVIOUS_RELEASE}: give the previous release its own npm ci`,
    );
  const source = resolve(root, 'tmp', `release-${PREVIOUS_RELEASE}`);
  const out = resolve(root, `${E2E_DIST}-previous`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${PREVIOUS_RELEASE} | tar -x -C "${source}"`], {
    cwd: root,
  });
  if (!existsSync(resolve(source, 'node_modules')))
    symlinkSync(resolve(root, 'node_modules'), resolve(source, 'node_modules'), 'dir');
  buildApp({ base: E2E_BASE, outDir: out, cwd: source });
  rmSync(source, { recursive: true, force: true });
  return out;
}
