import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countOf, formatBytes } from '../../lib/format';
import { useConnectionTier } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useDownloadsStore } from './downloads-store';
import { liveBytes } from './live-bytes';
import { AllDownloads, DownloadingNow } from './job-list';
import { Progress } from './job-row';
import { stopText } from './describe-failure';
import { SetList } from './set-list';
import { useStorage } from './use-storage';
import { SafariTabNote } from './safari-tab-note';
import { StorageSummary } from './storage-summary';
import { UnreadableNote } from './unreadable-note';
import { Settings } from './downloads-settings';
import './downloads.css';

function Overall() {
  const { summary, bytes, paused, stopped, elsewhere } = useDownloadsStore(
    useShallow((s) => ({
      summary: s.summary,
      bytes: liveBytes(s),
      paused: s.paused,
      stopped: s.stopped,
      elsewhere: s.elsewhere,
    })),
  );
  const { pauseAll, resumeAll } = useDownloadsStore.getState();
  const totals = { ...summary, bytes };
  const running = totals.done + totals.failed < totals.all;
  return (
    <section className="dl-overall" aria-label="All downloads">
      {stopped ? (
        <Notice tone="error" title="Downloads stopped">
          <p>{stopText[stopped]}</p>
        </Notice>
      ) : null}
      <p className="dl-summary" role="status">
        {totals.done} of {countOf(totals.all, 'track')} downloaded · {formatBytes(totals.bytes)}
        {totals.expected > totals.bytes ? ` of ${formatBytes(totals.expected)}` : ''}
        {totals.failed ? ` · ${totals.failed} failed` : ''}
      </p>
      <Progress value={totals.bytes} max={totals.expected || null} label="Downloaded so far" />
      {elsewhere && running ? (
        <p className="dl-note">
          Another PlexM8 tab is downloading these. If you close it, this tab takes over.
        </p>
      ) : null}
      {running || paused || stopped ? (
        <div className="dl-actions">
          {paused || stopped ? (
            <Button variant="primary" onClick={resumeAll}>
              Resume downloads
            </Button>
          ) : (
            <Button onClick={pauseAll}>Pause downloads</Button>
          )}
        </div>
      ) : null}
    </section>
  );
}

/** Everything kept for offline play: progress, storage, settings, and deleting. */
export function DownloadsScreen() {
  const count = useDownloadsStore((s) => s.order.length);
  const live = useDownloadsStore((s) => Object.keys(s.progress).length > 0);
  const [confirming, setConfirming] = useState(false);
  const overRelay = useConnectionTier() === 'relay';
  const storage = useStorage(live);
  return (
    <section aria-labelledby="downloads-title" className="downloads">
      <h1 id="downloads-title">Downloads</h1>
      {overRelay ? (
        <Notice tone="info" title="Connected through Plex Relay: downloads will be slow.">
          <p>
            The relay carries about 1–2 Mbps, so an album can take many minutes. On the server's own
            network, or with remote access set up, they are much faster.
          </p>
        </Notice>
      ) : null}
      <SafariTabNote storage={storage.info} />
      <UnreadableNote />
      <StorageSummary storage={storage} />
      {count === 0 ? (
        <Notice tone="info" title="Nothing downloaded yet.">
          <p>Open a playlist or an album and choose Download to keep it for offline play.</p>
        </Notice>
      ) : (
        <>
          <Overall />
          <SetList />
          <DownloadingNow />
          <div className="dl-actions">
            {confirming ? (
              <>
                <Button
                  variant="primary"
                  onClick={() => {
                    setConfirming(false);
                    void useDownloadsStore.getState().removeAll();
                  }}
                >
                  Yes, delete every download
                </Button>
                <Button onClick={() => setConfirming(false)}>Keep them</Button>
              </>
            ) : (
              <Button onClick={() => setConfirming(true)}>Delete all downloads</Button>
            )}
          </div>
        </>
      )}
      <Settings />
      {/* Last: 20,000 rows would push everything after them out of reach. */}
      <AllDownloads />
    </section>
  );
}
