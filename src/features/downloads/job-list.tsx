import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { VirtualRows } from '../../ui/virtual-list';
import { useDownloadsStore } from './downloads-store';
import { JobRow } from './job-row';

/** A row's height in the list of every download (CSS `.dl-list-all .dl-row` keeps it). */
const ROW_HEIGHT = 64;

/** The files arriving now (a few: the runner fetches a handful at a time), with their bars. */
export function DownloadingNow() {
  const keys = useDownloadsStore(useShallow((s) => Object.keys(s.progress)));
  if (keys.length === 0) return null;
  return (
    <section aria-labelledby="dl-now-title">
      <h2 id="dl-now-title">Downloading now</h2>
      <ul className="plain-list dl-list">
        {keys.map((key) => (
          <li key={key}>
            <JobRow jobKey={key} bar />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Every download in the order asked, whatever its state: virtualized, so 20,000 of them mount
 * the few rows on screen, and each row follows its own job.
 */
export function AllDownloads() {
  const order = useDownloadsStore((s) => s.order);
  // Kept while the order is: a new key function makes the virtualizer measure all 20,000 rows
  // again, and the screen re-renders every 2 s while downloading.
  const getKey = useCallback((i: number) => order[i] ?? String(i), [order]);
  if (order.length === 0) return null;
  return (
    <section aria-labelledby="dl-all-title">
      <h2 id="dl-all-title">Tracks</h2>
      <VirtualRows
        className="dl-list-all"
        label="Downloaded and queued tracks"
        count={order.length}
        rowHeight={ROW_HEIGHT}
        getKey={getKey}
        renderRow={(i) => <JobRow jobKey={order[i] ?? ''} />}
      />
    </section>
  );
}
