import { onlineManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetAccountMemory } from './account-memory';
import { artworkCache, createArtworkSource, forgetArtwork, wantArtwork } from './artwork';
import type { ArtworkState } from './artwork-cache';
import { fetchImage } from './artwork-fetch';
import { PmsClient } from './plex/pms-client';

const TOKEN = 'server-token-secret';
const client = new PmsClient({
  client: {
    clientId: 'c',
    product: 'PlexM8',
    version: 'test',
    platform: 'Chrome',
    device: 'Linux',
    deviceName: 'test',
  },
  machineId: 'machine-1',
  token: TOKEN,
  baseUrl: () => 'https://10-0-0-2.abc.plex.direct:32400',
});

afterEach(() => {
  forgetArtwork();
  onlineManager.setOnline(true);
});

describe('artwork from a server', () => {
  it('is keyed by server, size and path, never by its URL (which carries the token)', () => {
    const source = createArtworkSource(client);
    const key = source.key('/library/metadata/7/thumb/1', 80);
    expect(key).toBe('machine-1 80 /library/metadata/7/thumb/1');
    expect(key).not.toContain(TOKEN);
  });

  it('is fetched from the transcoder at the size asked, out of the HTTP cache, with no Referer', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(
        new Response(new Uint8Array([1]), { headers: { 'Content-Type': 'image/jpeg' } }),
      );
    const blob = await createArtworkSource(client).load('/t/1', 80, new AbortController().signal);
    expect(blob.type).toBe('image/jpeg');
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    const asked = new URL(String(url));
    expect(asked.pathname).toBe('/photo/:/transcode');
    expect(asked.searchParams.get('width')).toBe('80');
    expect(init).toMatchObject({
      cache: 'no-store',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  });

  it('refuses SVG and other non-raster answers: a blob: URL would give them our origin', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', {
        headers: { 'Content-Type': 'image/svg+xml' },
      }),
    );
    await expect(fetchImage('https://pms/x', new AbortController().signal)).rejects.toThrow(
      /does not show/,
    );
    // Not a refusal: the server answered, so other covers are still asked for.
    await expect(
      createArtworkSource(client).load('/t/1', 80, new AbortController().signal),
    ).rejects.toMatchObject({ refused: false });
  });

  it('after a refusal the browser hides (CORS), waits a minute before asking that server again', async () => {
    let clock = 0;
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockRejectedValue(new TypeError('Failed to fetch'));
    const source = createArtworkSource(client, () => clock);
    const signal = new AbortController().signal;
    await expect(source.load('/t/1', 80, signal)).rejects.toThrow();
    await expect(source.load('/t/2', 80, signal)).rejects.toThrow();
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    clock = 60_000;
    await expect(source.load('/t/3', 80, signal)).rejects.toThrow();
    expect(fetchSpy).toHaveBeenCalledTimes(2);
    // The network coming back ends the pause at once.
    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await expect(source.load('/t/4', 80, signal)).rejects.toThrow();
    expect(fetchSpy).toHaveBeenCalledTimes(3);
  });

  it('is dropped at sign-out: every blob: URL revoked', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const source = {
      key: (path: string) => `s ${path}`,
      load: async () => new Blob([new Uint8Array([1])], { type: 'image/png' }),
    };
    const states: ArtworkState[] = [];
    wantArtwork(source, '/a', 80, (s) => states.push(s));
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('ready'));
    const url = states.at(-1)?.status === 'ready' ? states.at(-1) : undefined;
    // What sign-out calls: it empties every cache that registered, never importing this module.
    forgetAccountMemory();
    expect(revoke).toHaveBeenCalledWith(url && 'url' in url ? url.url : '');
    expect(artworkCache.stats().entries).toBe(0);
  });
});
