import { useMemo } from 'react';
import { formatBytes } from '../../lib/format';
import { Button } from '../../ui/button';
import { useDownloadsStore } from './downloads-store';
import type { useStorage } from './use-storage';

/** What downloads take, from PlexM8's own records: finished files and the chunks saved so far. */
function useDownloadedBytes(): number {
  const jobs = useDownloadsStore((s) => s.jobs);
  const progress = useDownloadsStore((s) => s.progress);
  return useMemo(() => {
    let bytes = 0;
    // What is arriving now is written within a second (a chunk at a time): count it already.
    for (const job of Object.values(jobs)) bytes += progress[job.key] ?? job.bytes;
    return bytes;
  }, [jobs, progress]);
}

/**
 * The size of the downloads comes from PlexM8's records, not `navigator.storage.estimate()`:
 * Chromium's estimate can stay high after files are deleted (Chromium 150 counted a download's
 * chunks until the browser restarted, though the disk had them back), so after "Delete all" it
 * would still show the old size. The estimate still says how much more fits.
 */
export function StorageSummary({ storage }: { storage: ReturnType<typeof useStorage> }) {
  const { info, askToKeep } = storage;
  const downloaded = useDownloadedBytes();
  // What downloads take is PlexM8's own count, shown even where the browser can't estimate
  // (Safari before 17 has no estimate()); only what more fits needs the browser.
  const free =
    info.quota !== null && info.usage !== null ? Math.max(0, info.quota - info.usage) : null;
  return (
    <section className="dl-storage" aria-label="Storage">
      <p>
        {downloaded > 0
          ? `Downloads take ${formatBytes(downloaded)} on this device`
          : 'Downloads take no space on this device'}
        {free !== null ? `; about ${formatBytes(free)} more is available` : ''}.
      </p>
      {info.persisted === false ? (
        <p className="dl-note">
          The browser may clear downloads when the device runs short of space.{' '}
          <Button variant="quiet" onClick={() => void askToKeep()}>
            Ask to keep them
          </Button>
        </p>
      ) : info.persisted ? (
        <p className="dl-note">Kept until you delete them.</p>
      ) : null}
    </section>
  );
}
