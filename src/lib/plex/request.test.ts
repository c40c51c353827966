import { describe, expect, it } from 'vitest';
import { mapItems } from './map-metadata';
import { serverPath } from './request';

const origin = 'https://10-0-0-2.abc.plex.direct:32400';

describe('server paths', () => {
  it('joins a Part key to the connection as a path', () => {
    expect(serverPath(origin, '/library/parts/5004/1732000000/file.flac')).toBe(
      `${origin}/library/parts/5004/1732000000/file.flac`,
    );
  });

  it('never lets a key lead to another host', () => {
    for (const key of [
      '//evil.example/x',
      '/\\evil.example/x',
      'https://evil.example/x',
      '@evil.example/x',
    ])
      expect(() => serverPath(origin, key)).toThrow("gave a file address PlexM8 won't follow");
  });

  it('treats a track whose only part points elsewhere as having no playable file', () => {
    const part = (key: string) => ({
      ratingKey: '1',
      type: 'track',
      title: 'T',
      Media: [{ Part: [{ id: 9, key }] }],
    });
    const { items } = mapItems('track', [part('//evil.example/x'), part('/library/parts/9/f.mp3')]);
    expect(items.map((t) => t.media?.partKey ?? null)).toEqual([null, '/library/parts/9/f.mp3']);
  });
});
