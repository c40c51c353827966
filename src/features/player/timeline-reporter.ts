import type { TimelineState } from '../../lib/plex/playback';

/**
 * Tells Plex what is playing (`/:/timeline`) on every state change and every 10 s while playing,
 * says `stopped` for an entry that is left (skipped, replaced, the queue ended, the player
 * closed: without it Plex shows a ghost session for minutes), and marks a track played
 * (`/:/scrobble`) once it passes 90 %. Reporting never gets in the way of playback: failures
 * are dropped here (the runtime keeps scrobbles made offline for later).
 */

export interface TimelineReport {
  trackId: string;
  /** The queue entry (uid): the same track queued twice is two entries. */
  entryId: string;
  state: TimelineState;
  timeMs: number;
  durationMs: number;
}

export interface ReporterDeps {
  timeline(report: TimelineReport): Promise<void>;
  scrobble(trackId: string): Promise<void>;
  intervalMs?: number;
  now?: () => number;
}

const SCROBBLE_AT = 0.9;

export function createTimelineReporter(deps: ReporterDeps) {
  const interval = deps.intervalMs ?? 10_000;
  // In-page intervals: the monotonic clock, which a change of the wall clock doesn't move.
  const now = deps.now ?? (() => performance.now());
  let last: { report: TimelineReport; at: number } | null = null;
  /** Play-throughs already scrobbled: keyed by queue entry, so a repeat counts again. */
  let scrobbled: string | null = null;

  const send = (report: TimelineReport) => {
    const durationMs = Math.max(0, report.durationMs);
    const timeMs = Math.max(0, Math.min(report.timeMs, durationMs || report.timeMs));
    const clamped = { ...report, timeMs, durationMs };
    last = { report: clamped, at: now() };
    return deps.timeline(clamped).catch(() => undefined);
  };

  return {
    /** Called on every state change and every position tick. */
    update(report: TimelineReport) {
      const before = last?.report;
      const changed = !before || before.entryId !== report.entryId || before.state !== report.state;
      const due = report.state === 'playing' && last !== null && now() - last.at >= interval;
      if (changed || due) void send(report);
      if (
        report.durationMs > 0 &&
        report.timeMs >= report.durationMs * SCROBBLE_AT &&
        scrobbled !== report.entryId
      ) {
        scrobbled = report.entryId;
        deps.scrobble(report.trackId).catch(() => undefined);
      }
    },
    /**
     * The entry last reported is left: Plex hears `stopped` for it (once), at the last position
     * it heard unless a later one is given.
     */
    stop(timeMs?: number): Promise<void> {
      const before = last?.report;
      if (!before || before.state === 'stopped') return Promise.resolve();
      return send({ ...before, state: 'stopped', timeMs: timeMs ?? before.timeMs });
    },
    /** What Plex last heard (for the report sent as the page goes away). */
    lastReport: (): TimelineReport | null => last?.report ?? null,
    /** A new play-through of the same entry (repeat one) may scrobble again. */
    restart() {
      scrobbled = null;
    },
  };
}

export type TimelineReporter = ReturnType<typeof createTimelineReporter>;
