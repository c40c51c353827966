import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DownloadsScreen } from './downloads-screen';

const iphoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const androidChrome =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

/** The browser as the screen sees it: its user agent, how it was opened, what it keeps. */
function browser({
  userAgent,
  standalone = false,
  persisted = false,
}: {
  userAgent: string;
  standalone?: boolean;
  persisted?: boolean;
}) {
  const on = (name: string, value: unknown) =>
    Object.defineProperty(navigator, name, { value, configurable: true });
  on('userAgent', userAgent);
  on('storage', {
    estimate: () => Promise.resolve({ usage: 0, quota: 1e9 }),
    persisted: () => Promise.resolve(persisted),
    persist: () => Promise.resolve(persisted),
  });
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    value: (query: string) => ({
      matches: standalone && query.includes('standalone'),
      media: query,
    }),
  });
}

const note = /Safari may delete these downloads/;

beforeEach(() => {
  for (const name of ['userAgent', 'storage']) Reflect.deleteProperty(navigator, name);
});
afterEach(() => {
  for (const name of ['userAgent', 'storage', 'standalone'])
    Reflect.deleteProperty(navigator, name);
  Reflect.deleteProperty(window, 'matchMedia');
});

describe('Downloads in a Safari tab', () => {
  it('warns that Safari keeps them apart and may delete them, until PlexM8 is on the Home Screen', async () => {
    browser({ userAgent: iphoneSafari });
    render(<DownloadsScreen />);
    expect(await screen.findByText(note)).toBeTruthy();
    expect(screen.getByText(/7 days without opening PlexM8/)).toBeTruthy();
    expect(screen.getByText(/Add PlexM8 to your Home Screen/)).toBeTruthy();
  });

  it('says nothing when opened from the Home Screen', async () => {
    browser({ userAgent: iphoneSafari, standalone: true });
    render(<DownloadsScreen />);
    await screen.findByText(/Downloads take no space/);
    expect(screen.queryByText(note)).toBeNull();
  });

  it('says nothing from iOS’s own standalone flag either', async () => {
    browser({ userAgent: iphoneSafari });
    Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
    render(<DownloadsScreen />);
    await screen.findByText(/Downloads take no space/);
    expect(screen.queryByText(note)).toBeNull();
  });

  it('says nothing when the browser promised to keep them', async () => {
    browser({ userAgent: iphoneSafari, persisted: true });
    render(<DownloadsScreen />);
    await screen.findByText(/Kept until you delete them/);
    expect(screen.queryByText(note)).toBeNull();
  });

  it('warns where the browser has no storage manager to promise anything (Safari before 15.2)', async () => {
    browser({ userAgent: iphoneSafari });
    Reflect.deleteProperty(navigator, 'storage');
    Object.defineProperty(navigator, 'storage', { value: undefined, configurable: true });
    render(<DownloadsScreen />);
    expect(await screen.findByText(note)).toBeTruthy();
    // PlexM8 still says what its downloads take, from its own records.
    expect(screen.getByText(/Downloads take no space on this device\./)).toBeTruthy();
  });

  it('says nothing outside Safari’s engine', async () => {
    browser({ userAgent: androidChrome });
    render(<DownloadsScreen />);
    await screen.findByText(/Downloads take no space/);
    expect(screen.queryByText(note)).toBeNull();
  });
});
