import { describe, expect, it } from 'vitest';
import { aPlaylist, aTrack, anAlbum, anArtist, someTracks } from './data-generators';

describe('the fixture factories', () => {
  it('give equal objects for equal ids, so a test can build its expectation the same way', () => {
    expect(aTrack({ id: '7' })).toEqual(aTrack({ id: '7' }));
    expect(anAlbum({ id: '7' })).toEqual(anAlbum({ id: '7' }));
    expect(anArtist({ id: '7' })).toEqual(anArtist({ id: '7' }));
    expect(aPlaylist({ id: '7' })).toEqual(aPlaylist({ id: '7' }));
    expect(aTrack({ id: '7' })).not.toEqual(aTrack({ id: '8' }));
  });

  it("derive a track's file from its id, and merge a media override over it", () => {
    expect(aTrack({ id: 'track:12' }).media).toEqual({
      partId: 12,
      partKey: '/library/parts/12/file.mp3',
    });
    expect(aTrack({ id: '3', media: { codec: 'flac' } }).media).toEqual({
      partId: 3,
      partKey: '/library/parts/3/file.mp3',
      codec: 'flac',
    });
    expect(aTrack({ media: null }).media).toBeNull();
  });

  it('number a run of tracks from 1 (or from where told), keeping the overrides', () => {
    expect(someTracks(3).map((t) => t.id)).toEqual(['1', '2', '3']);
    const later = someTracks(2, { album: 'Later' }, 10);
    expect(later.map((t) => [t.id, t.album, t.media?.partId])).toEqual([
      ['10', 'Later', 10],
      ['11', 'Later', 11],
    ]);
  });
});
