import { afterEach, describe, expect, it, vi } from 'vitest';
import { isFramed, refuseToRunFramed } from './frame-guard';

describe('refusing to run inside another page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells a frame from a top-level page', () => {
    const page = {};
    expect(isFramed({ top: page, self: page })).toBe(false);
    expect(isFramed({ top: {}, self: page })).toBe(true);
    const throwing = {
      self: page,
      get top(): unknown {
        throw new Error('blocked');
      },
    };
    expect(isFramed(throwing)).toBe(true);
  });

  it('leaves a top-level page alone', () => {
    const root = document.createElement('div');
    root.textContent = 'PlexM8';
    expect(refuseToRunFramed(root)).toBe(false);
    expect(root.textContent).toBe('PlexM8');
  });

  it('framed, shows only a link that opens PlexM8 in its own tab', () => {
    vi.stubGlobal('top', {});
    const root = document.createElement('div');
    root.innerHTML = '<button>Sign out</button>';
    expect(refuseToRunFramed(root)).toBe(true);
    expect(root.querySelector('button')).toBeNull();
    const link = root.querySelector('a');
    expect(link?.textContent).toBe('Open PlexM8 in its own tab');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
    expect(link?.href).toBe(`${window.location.origin}/`);
  });
});
