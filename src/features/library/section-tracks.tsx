import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { Track } from '../../domain';
import { useArtwork } from '../../lib/use-artwork';
import { useLinkProps } from '../../lib/use-link-props';
import { VirtualRows } from '../../ui/virtual-list';
import { MissingItem, PagedSection, SortSelect } from './paged-section';
import type { TrackListActions } from './list-actions';
import type { ListProps } from './section-browse';
import { SECTION_PAGE, sectionPageQuery, sortOptions } from './section-lists';
import { TRACK_ROW_HEIGHT, TrackRow, type TrackList } from './track-row';
import { usePagedList, type PagedList } from './use-paged-list';

/**
 * The rows' shared part for a list that is never whole: a tapped track plays with the rest of
 * its page (100 tracks in the order shown), since the library's 150,000 can't be a queue.
 */
function usePagedTrackList(actions: TrackListActions, list: PagedList<Track>): TrackList {
  const currentId = actions.useCurrentTrackId();
  const availability = actions.useAvailability();
  const link = useLinkProps();
  const latest = useRef(list);
  useLayoutEffect(() => {
    latest.current = list;
  });
  const play = useCallback(
    (index: number) => {
      const page = latest.current.pageAt(index);
      if (page) actions.play(page.items, Math.min(index - page.start, page.items.length - 1));
    },
    [actions],
  );
  const prepare = useCallback(
    (index: number) => {
      const track = latest.current.itemAt(index);
      if (track) actions.prepare(track);
    },
    [actions],
  );
  const rowShared = useMemo(
    () => ({ link, play, prepare, actions }),
    [link, play, prepare, actions],
  );
  return { rowShared, currentId, availability };
}

/** Every track of the library in the order the server sorts them, a page at a time. */
export function TracksList({
  access,
  section,
  sort,
  onSort,
  actions,
}: ListProps & { actions: TrackListActions }) {
  const urlFor = useArtwork();
  const list = usePagedList(
    (page) => sectionPageQuery(access, section.key, 'tracks', sort, page),
    SECTION_PAGE,
  );
  const tracks = usePagedTrackList(actions, list);
  return (
    <PagedSection
      id="tracks-title"
      title="Tracks"
      list={list}
      what="list of tracks"
      empty="This library has no tracks yet."
      tools={<SortSelect value={sort} options={sortOptions.tracks} onChange={onSort} />}
    >
      <VirtualRows
        count={list.total}
        rowHeight={TRACK_ROW_HEIGHT}
        label="Tracks"
        className="library-tracks"
        getKey={String}
        onRangeChange={list.onRangeChange}
        renderRow={(i) => {
          const track = list.itemAt(i);
          return track ? (
            <TrackRow
              track={track}
              playing={tracks.currentId === track.id}
              available={tracks.availability(track)}
              number={i + 1}
              index={i}
              list={tracks.rowShared}
              urlFor={urlFor}
            />
          ) : (
            <MissingItem why={list.missing(i)} shape="row" />
          );
        }}
      />
    </PagedSection>
  );
}
