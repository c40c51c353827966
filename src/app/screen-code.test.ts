import { describe, expect, it } from 'vitest';
import { screenCode, screenCodeAt } from './screen-code';

describe('the screen an address shows', () => {
  it('is fetched beside the router: each library address names its screen, as the router routes it', () => {
    expect(screenCodeAt('/')).toBe(screenCode.playlists);
    expect(screenCodeAt('/playlists')).toBe(screenCode.playlists);
    expect(screenCodeAt('/playlists/9001')).toBe(screenCode.playlist);
    expect(screenCodeAt('/library')).toBe(screenCode.library);
    expect(screenCodeAt('/library/artists/42')).toBe(screenCode.artist);
    expect(screenCodeAt('/library/albums/7')).toBe(screenCode.album);
    expect(screenCodeAt('/search')).toBe(screenCode.search);
    // Not a library screen: the router fetches what it needs.
    expect(screenCodeAt('/downloads')).toBeNull();
    expect(screenCodeAt('/servers')).toBeNull();
  });
});
