// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { changedPackages } from './previous-release';

const manifest = (dependencies: Record<string, string>, devDependencies: Record<string, string>) =>
  JSON.stringify({ name: 'plexm8', dependencies, devDependencies });

describe('building the previous release with the checkout’s node_modules', () => {
  const release = manifest({ react: '^19.3.1' }, { vite: '^8.3.8' });

  it('is fine when packages were only added since', () => {
    expect(
      changedPackages(release, manifest({ react: '^19.3.1' }, { vite: '^8.3.8', knip: '^6' })),
    ).toEqual([]);
  });

  it('names each package the release asked for differently, or that is gone', () => {
    expect(changedPackages(release, manifest({ react: '^20.0.0' }, {}))).toEqual(['vite', 'react']);
  });

  it('counts a package moved between dependencies and devDependencies as the same ask', () => {
    expect(changedPackages(release, manifest({}, { react: '^19.3.1', vite: '^8.3.8' }))).toEqual(
      [],
    );
  });
});
