import { describe, expect, it } from 'vitest';
import type { Track } from '../../domain';
import { orderTracks } from './track-order';

const t = (
  id: string,
  title: string,
  artist: string,
  album: string,
  durationMs?: number,
  index?: number,
): Track => ({
  id,
  title,
  artist,
  album,
  durationMs,
  index,
  media: null,
});

const tracks = [
  t('1', 'Zebra', 'Beta', 'Second', 200_000, 2),
  t('2', 'apple', 'Alpha', 'First', 100_000, 1),
  t('3', 'Café del Mar', 'Beta', 'First', undefined, 3),
  t('4', '初雪', '坂本 ユキ', '雪の記憶', 150_000, 1),
  t('5', 'Apple', 'Gamma', 'Second', 100_000, 1),
];
const ids = (rows: ReturnType<typeof orderTracks>) => rows.map((r) => r.track.id);

describe('orderTracks', () => {
  it('keeps playlist order and positions by default', () => {
    const rows = orderTracks(tracks, '', 'playlist');
    expect(ids(rows)).toEqual(['1', '2', '3', '4', '5']);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
  });
  it('sorts by title ignoring case, ties in playlist order', () => {
    expect(ids(orderTracks(tracks, '', 'title'))).toEqual(['2', '5', '3', '1', '4']);
  });
  it('sorts by artist then album then track number', () => {
    expect(ids(orderTracks(tracks, '', 'artist'))).toEqual(['2', '3', '1', '5', '4']);
  });
  it('sorts by duration with unknown durations last', () => {
    expect(ids(orderTracks(tracks, '', 'duration'))).toEqual(['2', '5', '4', '1', '3']);
  });
  it('filters by title, artist or album, ignoring case and accents', () => {
    expect(ids(orderTracks(tracks, 'cafe', 'playlist'))).toEqual(['3']);
    expect(ids(orderTracks(tracks, 'BETA', 'playlist'))).toEqual(['1', '3']);
    expect(ids(orderTracks(tracks, '雪', 'playlist'))).toEqual(['4']);
    expect(orderTracks(tracks, '雪', 'playlist')[0]?.position).toBe(4);
    expect(ids(orderTracks(tracks, 'nothing like it', 'playlist'))).toEqual([]);
  });
});
