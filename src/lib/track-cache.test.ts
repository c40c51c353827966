import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Album, Track } from '../domain';
import { aTrack } from '../testing/data-generators';
import { patchCachedTrack, withTrackPatched } from './track-cache';

const track = (id: string, extra: Partial<Track> = {}) => aTrack({ id, media: null, ...extra });
const album: Album = { id: '7', title: 'Seven', artist: 'A' };

describe('a track patched in cached data', () => {
  it('is found in lists, pages, paged lists and search answers', () => {
    const page = { items: [track('1'), track('7')], next: 2, complete: false };
    expect(withTrackPatched([track('7')], '7', { userRating: 4 })).toEqual([
      track('7', { userRating: 4 }),
    ]);
    expect(withTrackPatched({ pages: [page], pageParams: [0] }, '7', { userRating: 4 })).toEqual({
      pages: [{ ...page, items: [track('1'), track('7', { userRating: 4 })] }],
      pageParams: [0],
    });
    const search = { q: 'x', results: { artists: [], albums: [album], tracks: [track('7')] } };
    expect(withTrackPatched(search, '7', { userRating: 4 })).toEqual({
      q: 'x',
      results: { ...search.results, tracks: [track('7', { userRating: 4 })] },
    });
  });

  it('leaves albums and artists with the same id alone, and returns the same data when absent', () => {
    const data = { albums: [album], tracks: [track('1')] };
    expect(withTrackPatched(data, '7', { userRating: 4 })).toBe(data);
  });

  it('copies only the way to the change', () => {
    const untouched = [track('1')];
    const data = { a: untouched, b: [track('7')] };
    const patched = withTrackPatched(data, '7', { userRating: 2 }) as typeof data;
    expect(patched.a).toBe(untouched);
    expect(patched).not.toBe(data);
  });

  it('is written into the queries of that user and server only, keeping their age', () => {
    const client = new QueryClient();
    client.setQueryData(['pms', 1, 's1', 'album', '9', 'tracks'], [track('7')], { updatedAt: 5 });
    client.setQueryData(['pms', 1, 's2', 'album', '9', 'tracks'], [track('7')]);
    patchCachedTrack(client, { userId: 1, serverId: 's1' }, '7', { userRating: 10 });
    expect(client.getQueryData(['pms', 1, 's1', 'album', '9', 'tracks'])).toEqual([
      track('7', { userRating: 10 }),
    ]);
    expect(client.getQueryState(['pms', 1, 's1', 'album', '9', 'tracks'])?.dataUpdatedAt).toBe(5);
    expect(client.getQueryData(['pms', 1, 's2', 'album', '9', 'tracks'])).toEqual([track('7')]);
  });
});
