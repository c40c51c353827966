import * as v from 'valibot';
import type { Album, Artist, Playlist, Track, TrackMedia } from '../../domain';
import { mediaSchema, metadataSchema, partSchema, type RawMetadata } from './metadata-schemas';

export interface Mapped<T> {
  items: T[];
  /** Items that were malformed or not of the expected type, left out. */
  skipped: number;
}

function firstPlayable(raw: RawMetadata): TrackMedia | null {
  for (const m of raw.Media) {
    const media = v.safeParse(mediaSchema, m);
    if (!media.success) continue;
    for (const p of media.output.Part) {
      const part = v.safeParse(partSchema, p);
      if (!part.success) continue;
      return {
        partId: part.output.id,
        partKey: part.output.key,
        codec: media.output.audioCodec,
        container: part.output.container ?? media.output.container,
        bitrate: media.output.bitrate,
        size: part.output.size,
      };
    }
  }
  return null;
}

function toTrack(raw: RawMetadata): Track {
  return {
    id: raw.ratingKey,
    title: raw.title || 'Untitled track',
    artist: raw.originalTitle || raw.grandparentTitle || 'Unknown artist',
    album: raw.parentTitle || 'Unknown album',
    albumId: raw.parentRatingKey,
    artistId: raw.grandparentRatingKey,
    index: raw.index,
    disc: raw.parentIndex,
    durationMs: raw.duration,
    thumb: raw.parentThumb || raw.thumb || raw.grandparentThumb,
    playlistItemId: raw.playlistItemID,
    userRating:
      raw.userRating !== undefined && Number.isFinite(raw.userRating) ? raw.userRating : undefined,
    media: firstPlayable(raw),
  };
}

function toAlbum(raw: RawMetadata): Album {
  return {
    id: raw.ratingKey,
    title: raw.title || 'Untitled album',
    artist: raw.parentTitle || 'Unknown artist',
    artistId: raw.parentRatingKey,
    year: raw.year,
    thumb: raw.thumb || raw.parentThumb,
    trackCount: raw.leafCount,
    addedAt: raw.addedAt,
  };
}

function toArtist(raw: RawMetadata): Artist {
  return {
    id: raw.ratingKey,
    title: raw.title || 'Unknown artist',
    thumb: raw.thumb,
    summary: raw.summary,
  };
}

function toPlaylist(raw: RawMetadata): Playlist {
  return {
    id: raw.ratingKey,
    title: raw.title || 'Untitled playlist',
    summary: raw.summary,
    smart: raw.smart,
    composite: raw.composite || raw.thumb,
    durationMs: raw.duration,
    trackCount: raw.leafCount ?? 0,
    updatedAt: raw.updatedAt,
  };
}

const mappers = { track: toTrack, album: toAlbum, artist: toArtist, playlist: toPlaylist };
type Kind = keyof typeof mappers;
type Out<K extends Kind> = ReturnType<(typeof mappers)[K]>;

/** Validates items one by one and keeps those of the wanted type (a playlist can hold videos). */
export function mapItems<K extends Kind>(kind: K, rawItems: unknown[]): Mapped<Out<K>> {
  const items: Out<K>[] = [];
  let skipped = 0;
  const map = mappers[kind] as (raw: RawMetadata) => Out<K>;
  for (const raw of rawItems) {
    const parsed = v.safeParse(metadataSchema, raw);
    if (!parsed.success || (parsed.output.type !== '' && parsed.output.type !== kind)) {
      skipped += 1;
      continue;
    }
    items.push(map(parsed.output));
  }
  return { items, skipped };
}
