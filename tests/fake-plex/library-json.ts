import type { FakeLibrary, LibAlbum, LibArtist, LibPlaylist, LibTrack } from './library';

/** The demo library in Plex's JSON shapes (docs/plex-api.md "Music on a server"). */
export function artistJson(a: LibArtist) {
  return {
    ratingKey: a.ratingKey,
    key: `/library/metadata/${a.ratingKey}/children`,
    guid: `plex://artist/${a.ratingKey}`,
    type: 'artist',
    title: a.title,
    titleSort: a.title.replace(/^The /, ''),
    summary: a.summary,
    librarySectionID: Number(a.sectionKey),
    thumb: `/library/metadata/${a.ratingKey}/thumb/1732000000`,
    addedAt: a.addedAt,
    updatedAt: a.addedAt,
  };
}

export function albumJson(lib: FakeLibrary, a: LibAlbum) {
  const artist = lib.find.artist(a.artistKey);
  return {
    ratingKey: a.ratingKey,
    key: `/library/metadata/${a.ratingKey}/children`,
    parentRatingKey: a.artistKey,
    guid: `plex://album/${a.ratingKey}`,
    type: 'album',
    title: a.title,
    parentTitle: artist?.title,
    year: a.year,
    leafCount: lib.find.trackCount(a.ratingKey),
    thumb: `/library/metadata/${a.ratingKey}/thumb/1732000000`,
    parentThumb: `/library/metadata/${a.artistKey}/thumb/1732000000`,
    addedAt: a.addedAt,
    updatedAt: a.addedAt,
  };
}

export function trackJson(lib: FakeLibrary, t: LibTrack, playlistItemID?: number) {
  const album = lib.find.album(t.albumKey);
  const artist = album ? lib.find.artist(album.artistKey) : undefined;
  const ext = t.file.name.split('.').pop();
  return {
    ratingKey: t.ratingKey,
    key: `/library/metadata/${t.ratingKey}`,
    parentRatingKey: t.albumKey,
    grandparentRatingKey: album?.artistKey,
    guid: `plex://track/${t.ratingKey}`,
    type: 'track',
    title: t.title,
    parentTitle: album?.title,
    grandparentTitle: artist?.title,
    originalTitle: t.trackArtist,
    index: t.index,
    parentIndex: t.disc,
    duration: t.file.durationMs,
    thumb: `/library/metadata/${t.albumKey}/thumb/1732000000`,
    parentThumb: `/library/metadata/${t.albumKey}/thumb/1732000000`,
    grandparentThumb: album ? `/library/metadata/${album.artistKey}/thumb/1732000000` : undefined,
    addedAt: t.addedAt,
    userRating: t.userRating,
    playlistItemID,
    Media: [
      {
        id: t.partId + 100_000,
        duration: t.file.durationMs,
        bitrate: t.file.bitrate,
        audioChannels: t.file.channels,
        audioCodec: t.file.codec,
        container: t.file.container,
        Part: [
          {
            id: t.partId,
            key: `/library/parts/${t.partId}/1732000000/file.${ext}`,
            duration: t.file.durationMs,
            file: `/music/${t.file.name}`,
            size: t.file.size,
            container: t.file.container,
          },
        ],
      },
    ],
  };
}

export function playlistJson(p: LibPlaylist) {
  const duration = Array.from(
    { length: Math.min(p.size, 50) },
    (_, i) => p.itemAt(i).file.durationMs,
  ).reduce((a, b) => a + b, 0);
  return {
    ratingKey: p.ratingKey,
    key: `/playlists/${p.ratingKey}/items`,
    guid: `com.plexapp.agents.none://${p.ratingKey}`,
    type: 'playlist',
    title: p.title,
    summary: p.summary,
    smart: p.smart,
    playlistType: 'audio',
    composite: `/playlists/${p.ratingKey}/composite/${p.updatedAt}`,
    // Only the first 50 are summed; the rest repeat the same 8-second files.
    duration: p.size <= 50 ? duration : Math.round((duration / 50) * p.size),
    leafCount: p.size,
    addedAt: p.updatedAt,
    updatedAt: p.updatedAt,
  };
}
