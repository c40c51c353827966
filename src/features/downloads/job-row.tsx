import { useEffect, useState } from 'react';
import { formatBytes } from '../../lib/format';
import { Button } from '../../ui/button';
import { failureText } from './describe-failure';
import { useDownloadsStore } from './downloads-store';
import type { DownloadJob } from './types';

/** The time, re-read every `ms` (for "trying again in 3 s"). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

export function Progress({
  value,
  max,
  label,
}: {
  value: number;
  max: number | null;
  label: string;
}) {
  return (
    <progress
      className="dl-progress"
      value={max ? Math.min(value, max) : undefined}
      max={max ?? undefined}
      aria-label={label}
    />
  );
}

function stateText(job: DownloadJob, live: number | undefined, now: number): string {
  if (job.status === 'done') return 'Downloaded';
  const why = job.error ? failureText(job.error) : null;
  if (job.status === 'failed') return `Couldn't download: ${why ?? 'unknown error'}.`;
  const bytes = live ?? job.bytes;
  const of = job.total ? ` of ${formatBytes(job.total)}` : '';
  if (job.status === 'downloading') return `${formatBytes(bytes)}${of}`;
  if (job.retryAt && job.retryAt > now)
    return `Trying again in ${Math.ceil((job.retryAt - now) / 1000)} s (${why ?? 'failed'})`;
  return bytes > 0 ? `Paused at ${formatBytes(bytes)}${of}` : 'Waiting';
}

/** Only a job waiting to retry ticks each second; the rest render when they change. */
function Countdown({ job, live }: { job: DownloadJob; live: number | undefined }) {
  return <>{stateText(job, live, useNow(1_000))}</>;
}

/**
 * One download, watching only its own job and live bytes: a progress report re-renders the rows
 * it is about, not the list (decision 021).
 */
export function JobRow({ jobKey, bar = false }: { jobKey: string; bar?: boolean }) {
  const job = useDownloadsStore((s) => s.jobs[jobKey]);
  const live = useDownloadsStore((s) => s.progress[jobKey]);
  if (!job) return null;
  const { retry, removeJob } = useDownloadsStore.getState();
  const waitingToRetry = job.status === 'queued' && job.retryAt !== null;
  return (
    <div className={`dl-row dl-${job.status}`}>
      <span className="dl-main">
        <span className="dl-title" dir="auto">
          {job.track.title}
        </span>
        {/* The artist isolated: a right-to-left name must not turn "49.2 KB" into "KB 49.2". */}
        <span className="dl-sub">
          <bdi>{job.track.artist}</bdi> ·{' '}
          {waitingToRetry ? <Countdown job={job} live={live} /> : stateText(job, live, 0)}
        </span>
        {bar && job.status === 'downloading' ? (
          <Progress
            value={live ?? job.bytes}
            max={job.total}
            label={`Downloading ${job.track.title}`}
          />
        ) : null}
      </span>
      {job.status === 'failed' ? (
        <Button variant="quiet" onClick={() => retry(jobKey)}>
          Retry
        </Button>
      ) : null}
      <Button
        variant="quiet"
        onClick={() => void removeJob(jobKey)}
        aria-label={`${job.status === 'done' ? 'Delete' : 'Cancel'} the download of ${job.track.title}`}
      >
        {job.status === 'done' ? 'Delete' : 'Cancel'}
      </Button>
    </div>
  );
}
