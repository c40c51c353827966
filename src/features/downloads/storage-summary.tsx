import { formatBytes } from '../../lib/format';
import { Button } from '../../ui/button';
import { useDownloadsStore } from './downloads-store';
import { liveBytes } from './live-bytes';
import type { useStorage } from './use-storage';

/** What downloads take, from PlexM8's own records: finished files and the chunks saved so far. */
const useDownloadedBytes = () => useDownloadsStore(liveBytes);

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
