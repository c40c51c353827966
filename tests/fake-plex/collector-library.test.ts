// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { COLLECTOR_SIZE, createCollectorLibrary } from './collector-library';
import { createFakePlex } from './handler';
import { createDemoLibrary } from './library';
import type { ItemList } from './library-types';
import { COLLECTOR_ID, loopbackPorts, loopbackScenario } from './scenarios';

const lib = createCollectorLibrary(1_760_000_000_000);
const every = <T>(list: ItemList<T>) => Array.from({ length: list.length }, (_, i) => list.at(i));
const inOrder = (titles: string[]) =>
  titles.findIndex((t, i) => i > 0 && (titles[i - 1] ?? '').localeCompare(t) >= 0);

describe("the Collector's library", () => {
  it('holds nothing in memory, yet lists 5,000 artists, 30,000 albums and 150,000 tracks', () => {
    expect([lib.artists.length, lib.albums.length, lib.tracks.length]).toEqual([0, 0, 0]);
    const title = { by: 'title', desc: false } as const;
    expect(lib.find.artists('1', title).length).toBe(5_000);
    expect(lib.find.albums('1', title).length).toBe(30_000);
    expect(lib.find.tracks('1', title).length).toBe(150_000);
    expect(lib.find.artists('2', title).length).toBe(0);
    expect(lib.playlists).toHaveLength(400);
  });

  it('keeps artists, albums and tracks consistent with each other', () => {
    let albums = 0;
    let tracks = 0;
    for (const artist of every(lib.find.artists('1', { by: 'title', desc: false }))) {
      const own = lib.find.albumsOf(artist.ratingKey);
      expect(own.length).toBeGreaterThanOrEqual(2);
      expect(own.every((a) => a.artistKey === artist.ratingKey)).toBe(true);
      expect(own.map((a) => a.year)).toEqual(own.map((a) => a.year).sort((x, y) => x - y));
      albums += own.length;
      for (const album of own) tracks += lib.find.trackCount(album.ratingKey);
    }
    expect([albums, tracks]).toEqual([COLLECTOR_SIZE.albums, COLLECTOR_SIZE.tracks]);
    const album = lib.find.albums('1', { by: 'title', desc: false }).at(12_345);
    const its = lib.find.tracksOf(album.ratingKey);
    expect(its.map((t) => t.index)).toEqual(its.map((_, i) => i + 1));
    for (const t of its) {
      expect(lib.find.track(t.ratingKey)).toEqual(t);
      expect(lib.find.trackOfPart(t.partId)?.ratingKey).toBe(t.ratingKey);
      expect(t.addedAt).toBe(album.addedAt);
    }
  });

  it('sorts as Plex does, every list in order and each item once', () => {
    const artists = every(lib.find.artists('1', { by: 'title', desc: false }));
    expect(inOrder(artists.map((a) => a.title))).toBe(-1);
    const albums = every(lib.find.albums('1', { by: 'title', desc: false }));
    expect(inOrder(albums.map((a) => a.title))).toBe(-1);
    expect(new Set(albums.map((a) => a.ratingKey)).size).toBe(COLLECTOR_SIZE.albums);
    const tracks = every(lib.find.tracks('1', { by: 'title', desc: false }));
    expect(inOrder(tracks.map((t) => t.title))).toBe(-1);
    expect(new Set(tracks.map((t) => t.ratingKey)).size).toBe(COLLECTOR_SIZE.tracks);

    const byAlbum = every(lib.find.tracks('1', { by: 'album', desc: false }));
    const albumTitle = (t: { albumKey: string }) => lib.find.album(t.albumKey)?.title ?? '';
    expect(
      byAlbum.findIndex(
        (t, i) => i > 0 && albumTitle(byAlbum[i - 1] ?? t).localeCompare(albumTitle(t)) > 0,
      ),
    ).toBe(-1);
    expect(new Set(byAlbum.map((t) => t.ratingKey)).size).toBe(COLLECTOR_SIZE.tracks);
    const newest = every(lib.find.tracks('1', { by: 'added', desc: true }));
    expect(newest.findIndex((t, i) => i > 0 && (newest[i - 1]?.addedAt ?? 0) < t.addedAt)).toBe(-1);
    const desc = lib.find.artists('1', { by: 'title', desc: true });
    expect(desc.at(0).title).toBe(artists.at(-1)?.title);
  });

  it('names things in many scripts, and gives parts ids of their own', () => {
    const titles = every(lib.find.artists('1', { by: 'title', desc: false })).map((a) => a.title);
    for (const script of [/\p{Script=Han}/u, /\p{Script=Arabic}/u, /\p{Script=Cyrillic}/u])
      expect(titles.some((t) => script.test(t))).toBe(true);
    const living = new Set(createDemoLibrary().tracks.map((t) => t.partId));
    const parts = every(lib.find.tracks('1', { by: 'artist', desc: false })).map((t) => t.partId);
    expect(new Set(parts).size).toBe(COLLECTOR_SIZE.tracks);
    expect(parts.some((p) => living.has(p))).toBe(false);
  });

  it('has 400 playlists with distinct names, one of 20,000 tracks none of them twice', () => {
    expect(new Set(lib.playlists.map((p) => p.title)).size).toBe(400);
    const big = lib.playlists.find((p) => p.size === 20_000);
    if (!big) throw new Error('no 20,000-track playlist');
    const keys = new Set(Array.from({ length: big.size }, (_, i) => big.itemAt(i).ratingKey));
    expect(keys.size).toBe(20_000);
  });

  it('searches names word by word, from the word lists', () => {
    const found = lib.find.search('lantern', null, 30);
    expect(found.artists.length).toBe(30);
    for (const x of [...found.artists, ...found.albums, ...found.tracks])
      expect(x.title.toLowerCase()).toContain('lantern');
    const both = lib.find.search('chasing AMBER', '1', 50).tracks;
    expect(both.length).toBe(50);
    expect(both.every((t) => /Chasing/.test(t.title) && /Amber/.test(t.title))).toBe(true);
    expect(lib.find.search('東京', null, 10).albums[0]?.title).toContain('東京');
    expect(lib.find.search('zzzz', null, 10)).toEqual({ artists: [], albums: [], tracks: [] });
  });
});

describe("the Collector's Server on loopback", () => {
  it('pages /all by type and sort, with totalSize, as real servers do', async () => {
    const ports = loopbackPorts(40_000);
    const fake = createFakePlex(loopbackScenario(ports));
    const server = fake.model.servers.find((s) => s.machineIdentifier === COLLECTOR_ID);
    const ask = async (query: string) => {
      const url = `http://127.0.0.1:${ports.collector}/library/sections/1/all?${query}&X-Plex-Token=${server?.accessToken}&X-Plex-Client-Identifier=t`;
      const res = await fake.handle(new Request(url, { headers: { Accept: 'application/json' } }));
      return (await res.json()).MediaContainer;
    };
    const end = await ask(
      'type=10&sort=titleSort&X-Plex-Container-Start=149990&X-Plex-Container-Size=50',
    );
    expect([end.size, end.offset, end.totalSize]).toEqual([10, 149_990, 150_000]);
    expect(end.Metadata[9].title).toBe(
      lib.find.tracks('1', { by: 'title', desc: false }).at(149_999).title,
    );
    const artists = await ask(
      'type=8&sort=titleSort&X-Plex-Container-Start=0&X-Plex-Container-Size=0',
    );
    expect(artists.totalSize).toBe(5_000);
    const albums = await ask(
      'type=9&sort=addedAt:desc&X-Plex-Container-Start=0&X-Plex-Container-Size=3',
    );
    expect(albums.Metadata[0].addedAt).toBeGreaterThan(albums.Metadata[2].addedAt);
    expect(albums.Metadata[0].leafCount).toBeGreaterThanOrEqual(2);
  });
});
