import type { MusicSection } from '../../domain';
import type { PmsAccess } from '../../lib/plex-context';
import { useArtwork } from '../../lib/use-artwork';
import { VirtualGrid } from '../../ui/virtual-grid';
import { VirtualRows } from '../../ui/virtual-list';
import { AlbumCard, ArtistLink } from './item-links';
import { MissingItem, PagedSection, SortSelect } from './paged-section';
import { SECTION_PAGE, sectionPageQuery, sortOptions } from './section-lists';
import { usePagedList } from './use-paged-list';

export interface ListProps {
  access: PmsAccess;
  section: MusicSection;
  sort: string;
  onSort: (sort: string) => void;
}

/** Every artist of the library, fetched a page at a time where the user scrolls. */
export function ArtistsList({ access, section, sort }: ListProps) {
  const urlFor = useArtwork();
  const list = usePagedList(
    (page) => sectionPageQuery(access, section.key, 'artists', sort, page),
    SECTION_PAGE,
  );
  return (
    <PagedSection
      id="artists-title"
      title="Artists"
      list={list}
      what="list of artists"
      empty="This library has no artists yet."
    >
      <VirtualRows
        count={list.total}
        rowHeight={60}
        label="Artists"
        getKey={String}
        onRangeChange={list.onRangeChange}
        renderRow={(i) => {
          const artist = list.itemAt(i);
          return artist ? (
            <ArtistLink artist={artist} urlFor={urlFor} />
          ) : (
            <MissingItem why={list.missing(i)} shape="row" />
          );
        }}
      />
    </PagedSection>
  );
}

/** A card's height for its width: the square cover, then the title and artist lines. */
const albumCardHeight = (width: number) => width + 56;

/** Every album as a grid of covers, in the server's order, a page at a time. */
export function AlbumsGrid({ access, section, sort, onSort }: ListProps) {
  const urlFor = useArtwork();
  const list = usePagedList(
    (page) => sectionPageQuery(access, section.key, 'albums', sort, page),
    SECTION_PAGE,
  );
  return (
    <PagedSection
      id="albums-title"
      title="Albums"
      list={list}
      what="list of albums"
      empty="This library has no albums yet."
      tools={<SortSelect value={sort} options={sortOptions.albums} onChange={onSort} />}
    >
      <VirtualGrid
        className="card-grid"
        count={list.total}
        label="Albums"
        getKey={String}
        itemHeight={albumCardHeight}
        onRangeChange={list.onRangeChange}
        renderItem={(i) => {
          const album = list.itemAt(i);
          return album ? (
            <AlbumCard album={album} urlFor={urlFor} size={200} meta={album.artist} />
          ) : (
            <MissingItem why={list.missing(i)} shape="card" />
          );
        }}
      />
    </PagedSection>
  );
}
