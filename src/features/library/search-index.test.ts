import { describe, expect, it } from 'vitest';
import { aTrack, anAlbum, anArtist } from '../../testing/data-generators';
import { foldForSearch } from './fold';
import { SearchIndex } from './search-index';

const artist = (id: string, title: string) => anArtist({ id, title });
const album = (id: string, title: string, by = 'Someone') => anAlbum({ id, title, artist: by });
const track = (id: string, title: string, by = 'Someone', on = 'Something') =>
  aTrack({ id, title, artist: by, album: on });
const page = <T>(items: T[]) => ({ items, skipped: 0, start: 0, next: items.length, total: 9 });
const titles = (xs: { title: string }[]) => xs.map((x) => x.title);

describe('foldForSearch', () => {
  it('folds case, accents, width and the letters people type plainly', () => {
    expect(foldForSearch('Björk')).toBe('bjork');
    expect(foldForSearch('Zoë & the Cafés')).toBe('zoe & the cafes');
    expect(foldForSearch('Fjørds Straße Œuvre')).toBe('fjords strasse oeuvre');
    expect(foldForSearch('ＡＢＣ１２３')).toBe('abc123');
    expect(foldForSearch('  two   spaces ')).toBe(' two spaces ');
    // Japanese stays itself; voiced kana fold to plain ones, on both sides alike.
    expect(foldForSearch('東京')).toBe('東京');
    expect(foldForSearch('ガ')).toBe(foldForSearch('カ'));
  });
});

describe('SearchIndex', () => {
  it('finds saved artists, albums and tracks in pages, lists and single items, each once', () => {
    const index = new SearchIndex();
    index.addData(page([artist('1', 'Björk'), artist('2', 'Blur')]));
    index.addData({ pages: [page([album('10', 'Homogenic', 'Björk')])] });
    index.addData({ items: [track('100', 'Jóga', 'Björk', 'Homogenic')], skipped: 0 });
    index.addData(artist('1', 'Björk'));
    index.addData([{ id: '5', title: 'A playlist', smart: false }, null, 'junk']);
    expect(index.size).toBe(4);
    const found = index.query('bjork', 10);
    expect(titles(found.artists)).toEqual(['Björk']);
    expect(titles(found.albums)).toEqual(['Homogenic']);
    expect(titles(found.tracks)).toEqual(['Jóga']);
    expect(index.query('joga', 10).tracks[0]?.media?.partId).toBe(100);
  });

  it('ranks the exact title first, then prefixes, word starts, then substrings', () => {
    const index = new SearchIndex();
    index.addData(
      page([
        artist('1', 'Reliance'),
        artist('2', 'The Lightning Seeds'),
        artist('3', 'Lights Out'),
        artist('4', 'Flight'),
        artist('5', 'Light'),
      ]),
    );
    expect(titles(index.query('LIGHT', 10).artists)).toEqual([
      'Light',
      'Lights Out',
      'The Lightning Seeds',
      'Flight',
    ]);
  });

  it('matches words in any order, across title, artist and album, after title matches', () => {
    const index = new SearchIndex();
    index.addData(
      page([
        track('1', 'Hunter', 'Björk', 'Homogenic'),
        track('2', 'Homogenic Hunter Remix'),
        track('3', 'Bachelorette', 'Björk', 'Homogenic'),
      ]),
    );
    expect(titles(index.query('hunter homogenic', 10).tracks)).toEqual([
      'Homogenic Hunter Remix',
      'Hunter',
    ]);
    expect(titles(index.query('bjork homogenic', 10).tracks)).toEqual(['Hunter', 'Bachelorette']);
    expect(index.query('東京', 10)).toEqual({ artists: [], albums: [], tracks: [] });
  });

  it('keeps the best within the limit, and finds nothing for nothing', () => {
    const index = new SearchIndex();
    const many = Array.from({ length: 500 }, (_, i) => album(String(i), `Album ${i}`));
    index.addData(page([...many, album('exact', 'album')]));
    const found = index.query('album', 30);
    expect(found.albums).toHaveLength(30);
    expect(found.albums[0]?.id).toBe('exact');
    expect(index.query('   ', 30).albums).toEqual([]);
    expect(index.query('album', 0).albums).toEqual([]);
    expect(index.query('qqxz', 30).albums).toEqual([]);
  });
});
