import type { Track } from '../../domain';
import { useDownloadActions, type DownloadSetInfo } from '../../lib/download-actions';
import { useConnectionTier } from '../../lib/plex-context';
import { Button } from '../../ui/button';

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
  const downloads = useDownloadActions();
  const status = downloads.useSetStatus(set.id);
  const overRelay = useConnectionTier() === 'relay';
  const playable = tracks.filter((t) => t.media !== null);
  if (!status) {
    return (
      <Button
        disabled={!ready || playable.length === 0}
        onClick={() => downloads.download(set, playable)}
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
      <Button variant="quiet" onClick={() => downloads.remove(set.id)}>
        Remove download
      </Button>
    </span>
  );
}
