import { Link } from 'react-router';
import type { Album, Artist } from '../../domain';
import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';

/** An album as a card (cover, title, a second line): shelves, grids, search results. */
export function AlbumCard({
  album,
  urlFor,
  size,
  meta,
}: {
  album: Album;
  urlFor: ArtworkUrl | null;
  size: number;
  meta: string;
}) {
  return (
    <Link className="card" to={`/library/albums/${encodeURIComponent(album.id)}`}>
      <CoverArt path={album.thumb} size={size} urlFor={urlFor} label={album.title} />
      <span className="card-title" dir="auto">
        {album.title}
      </span>
      <span className="card-meta" dir="auto">
        {meta}
      </span>
    </Link>
  );
}

/** An artist as a row (round picture, name): the artists list and search results. */
export function ArtistLink({ artist, urlFor }: { artist: Artist; urlFor: ArtworkUrl | null }) {
  return (
    <Link className="artist-row" to={`/library/artists/${encodeURIComponent(artist.id)}`}>
      <CoverArt path={artist.thumb} size={44} urlFor={urlFor} label={artist.title} round />
      <span dir="auto">{artist.title}</span>
    </Link>
  );
}
