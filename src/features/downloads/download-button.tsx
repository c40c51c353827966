import type { Track } from '../../domain';
import { useConnectionTier, usePms } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { download, removeDownload } from './list-actions';
import { useSetStatus, type DownloadSetInfo } from './list-hooks';

/**
 * Download a playlist or album for offline play, see how far it got, or remove it. Offered once
 * the whole list is known (a playlist's later pages may still be arriving).
 */
export function DownloadButton({
  set,
  tracks,
  ready,
}: {
  set: DownloadSetInfo;
  tracks: readonly Track[];
  ready: boolean;
}) {
  const status = useSetStatus(set.id);
  const serverId = usePms()?.serverId ?? null;
  const overRelay = useConnectionTier() === 'relay';
  const playable = tracks.filter((t) => t.media !== null);
  if (!status) {
    return (
      <Button
        disabled={!ready || playable.length === 0}
        onClick={() => download(set, playable, serverId)}
        aria-label={`Download ${set.title} for offline play`}
      >
        ↓ Download
      </Button>
    );
  }
  return (
    <span className="download-state">
      <span role="status">
        {status.complete
          ? `Downloaded (${status.total})`
          : `Downloading ${status.done} of ${status.total}`}
        {status.failed ? ` · ${status.failed} failed` : ''}
        {!status.complete && overRelay ? ' · slow over Plex Relay' : ''}
      </span>
      <Button variant="quiet" onClick={() => removeDownload(set.id)}>
        Remove download
      </Button>
    </span>
  );
}
