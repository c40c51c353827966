import { describe, expect, it } from 'vitest';
import { mapItems } from './map-metadata';
import { reportNetworkTo, send, serverPath, type FetchLike } from './request';

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

describe('what the network status hears from requests', () => {
  it('an answer (even a refusal) and a network failure, by origin only: never the token', async () => {
    const heard: string[] = [];
    const stop = reportNetworkTo({
      answered: (o) => heard.push(`answered ${o}`),
      failed: (o) => heard.push(`failed ${o}`),
    });
    try {
      const refusing: FetchLike = () => Promise.resolve(new Response('', { status: 401 }));
      const dead: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
      const slow: FetchLike = (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        );
      const params = { 'X-Plex-Token': 'secret-token' };
      await expect(send({ url: `${origin}/library/sections`, params }, refusing)).rejects.toThrow();
      await expect(send({ url: `${origin}/identity`, params }, dead)).rejects.toThrow(
        "Couldn't reach",
      );
      // A timeout is a slow link, not proof there is no network.
      await expect(send({ url: `${origin}/x`, params, timeoutMs: 5 }, slow)).rejects.toThrow();
      expect(heard).toEqual([`answered ${origin}`, `failed ${origin}`]);
      expect(heard.join()).not.toContain('secret-token');
    } finally {
      stop();
    }
  });
});
