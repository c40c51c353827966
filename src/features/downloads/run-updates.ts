import type { DownloadJob } from './types';

/**
 * How long a run's changes (downloading, its size and validator, a chunk saved, its live bytes)
 * wait to be shown together. Every store change notifies every subscriber of the downloads store,
 * and the screen watching it renders synchronously (useSyncExternalStore): a ~100 KB file made
 * four or five changes within a few tens of milliseconds (decision 026). A file that arrives
 * within this time is shown once, done; a slower one shows its progress at this pace (its bar
 * moves every 250 ms at best anyway, fetch-part.ts).
 */
export const SHOW_EVERY_MS = 100;

/** A run's job patch and live bytes in one state change (downloads-store.ts `report`). */
export type Report = (
  key: string,
  patch: Partial<DownloadJob> | null,
  bytes: number | null | undefined,
) => void;

export interface RunUpdates {
  patch(patch: Partial<DownloadJob>): void;
  progress(bytes: number | null): void;
  /** What is gathered, now (the store must be current: a failure reads it). */
  flush(): void;
  /** The run is over: what is gathered, `last` and no live bytes, as one change. */
  settle(last?: Partial<DownloadJob> | null): void;
}

/** Gathers one run's changes to its job, shown at most every SHOW_EVERY_MS and at its end. */
export function runUpdates(key: string, report: Report): RunUpdates {
  let patch: Partial<DownloadJob> | null = null;
  let bytes: number | null | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (patch === null && bytes === undefined) return;
    const sent = { patch, bytes };
    patch = null;
    bytes = undefined;
    report(key, sent.patch, sent.bytes);
  };
  const later = () => (timer ??= setTimeout(flush, SHOW_EVERY_MS));

  return {
    patch(more) {
      patch = { ...patch, ...more };
      later();
    },
    progress(now) {
      bytes = now;
      later();
    },
    flush,
    settle(last) {
      if (last) patch = { ...patch, ...last };
      bytes = null;
      flush();
    },
  };
}
