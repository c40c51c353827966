import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countOf, formatBytes } from '../../lib/format';
import { useConnectionTier } from '../../lib/plex-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useDownloadsStore } from './downloads-store';
import { setStatusOf } from './set-status';
import type { DownloadJob } from './types';
import { useStorage } from './use-storage';
import { SafariTabNote } from './safari-tab-note';
import { StorageSummary } from './storage-summary';
import { UnreadableNote } from './unreadable-note';
import { Settings } from './downloads-settings';
import './downloads.css';

/** The queue shows this many waiting tracks; the rest are counted. */
const SHOWN = 100;

/** The time, re-read every `ms` (for "trying again in 3 s"). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Progress({ value, max, label }: { value: number; max: number | null; label: string }) {
  return (
    <progress
      className="dl-progress"
      value={max ? Math.min(value, max) : undefined}
      max={max ?? undefined}
      aria-label={label}
    />
  );
}

function jobState(job: DownloadJob, live: number | undefined, now: number): string {
  if (job.status === 'done') return 'Downloaded';
  if (job.status === 'failed') return `Couldn't download: ${job.error ?? 'unknown error'}.`;
  const bytes = live ?? job.bytes;
  const of = job.total ? ` of ${formatBytes(job.total)}` : '';
  if (job.status === 'downloading') return `${formatBytes(bytes)}${of}`;
  if (job.retryAt && job.retryAt > now)
    return `Trying again in ${Math.ceil((job.retryAt - now) / 1000)} s (${job.error ?? 'failed'})`;
  return bytes > 0 ? `Paused at ${formatBytes(bytes)}${of}` : 'Waiting';
}

function Overall() {
  const { order, jobs, progress, paused, stopped, elsewhere } = useDownloadsStore(
    useShallow((s) => ({
      order: s.order,
      jobs: s.jobs,
      progress: s.progress,
      paused: s.paused,
      stopped: s.stopped,
      elsewhere: s.elsewhere,
    })),
  );
  const { pauseAll, resumeAll } = useDownloadsStore.getState();
  const totals = useMemo(() => {
    let done = 0;
    let failed = 0;
    let bytes = 0;
    let expected = 0;
    for (const key of order) {
      const job = jobs[key];
      if (!job) continue;
      if (job.status === 'done') done += 1;
      if (job.status === 'failed') failed += 1;
      bytes += progress[key] ?? job.bytes;
      expected += job.total ?? job.bytes;
    }
    return { done, failed, bytes, expected, all: order.length };
  }, [order, jobs, progress]);
  const running = totals.done + totals.failed < totals.all;
  return (
    <section className="dl-overall" aria-label="All downloads">
      {stopped ? (
        <Notice tone="error" title="Downloads stopped">
          <p>{stopped}</p>
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

function Sets() {
  const sets = useDownloadsStore((s) => s.sets);
  const jobs = useDownloadsStore((s) => s.jobs);
  const list = Object.values(sets).sort((a, b) => a.addedAt - b.addedAt);
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="dl-sets-title">
      <h2 id="dl-sets-title">Playlists and albums</h2>
      <ul className="plain-list dl-list">
        {list.map((set) => {
          const status = setStatusOf(set, jobs);
          return (
            <li key={set.id} className="dl-row">
              <span className="dl-main">
                <span className="dl-title" dir="auto">
                  {set.title}
                </span>
                <span className="dl-sub">
                  {set.kind === 'track' ? 'Track' : set.kind === 'album' ? 'Album' : 'Playlist'}
                  {' · '}
                  {status?.done ?? 0} of {countOf(status?.total ?? 0, 'track')}
                  {status?.failed ? ` · ${status.failed} failed` : ''}
                </span>
              </span>
              <Button
                variant="quiet"
                onClick={() => void useDownloadsStore.getState().removeSet(set.id)}
                aria-label={`Delete the download of ${set.title}`}
              >
                Delete
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Queue() {
  const { order, jobs, progress } = useDownloadsStore(
    useShallow((s) => ({ order: s.order, jobs: s.jobs, progress: s.progress })),
  );
  const now = useNow(1_000);
  const waiting = order.filter((k) => jobs[k] && jobs[k].status !== 'done');
  if (waiting.length === 0) return null;
  const { retry, removeJob } = useDownloadsStore.getState();
  return (
    <section aria-labelledby="dl-queue-title">
      <h2 id="dl-queue-title">Queue</h2>
      <ul className="plain-list dl-list">
        {waiting.slice(0, SHOWN).map((key) => {
          const job = jobs[key] as DownloadJob;
          const live = progress[key];
          return (
            <li key={key} className={`dl-row dl-${job.status}`}>
              <span className="dl-main">
                <span className="dl-title" dir="auto">
                  {job.track.title}
                </span>
                <span className="dl-sub" dir="auto">
                  {job.track.artist} · {jobState(job, live, now)}
                </span>
                {job.status === 'downloading' ? (
                  <Progress
                    value={live ?? job.bytes}
                    max={job.total}
                    label={`Downloading ${job.track.title}`}
                  />
                ) : null}
              </span>
              {job.status === 'failed' ? (
                <Button variant="quiet" onClick={() => retry(key)}>
                  Retry
                </Button>
              ) : null}
              <Button
                variant="quiet"
                onClick={() => void removeJob(key)}
                aria-label={`Cancel the download of ${job.track.title}`}
              >
                Cancel
              </Button>
            </li>
          );
        })}
      </ul>
      {waiting.length > SHOWN ? (
        <p className="dl-note">…and {countOf(waiting.length - SHOWN, 'more track')} waiting.</p>
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
          <Sets />
          <Queue />
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
    </section>
  );
}
