/**
 * Tells Plex what is playing (`/:/timeline`) on every state change and every 10 s while playing,
 * and marks a track played (`/:/scrobble`) once it passes 90 %, so "now playing", play counts and
 * history stay right. Reporting never gets in the way of playback: failures are dropped.
 */
export type TimelineState = 'playing' | 'paused' | 'buffering' | 'stopped';

export interface TimelineReport {
  trackId: string;
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

export const SCROBBLE_AT = 0.9;

export function createTimelineReporter(deps: ReporterDeps) {
  const interval = deps.intervalMs ?? 10_000;
  const now = deps.now ?? Date.now;
  let last: { trackId: string; state: TimelineState; at: number } | null = null;
  /** Play-throughs already scrobbled: keyed by queue entry, so a repeat counts again. */
  let scrobbled: string | null = null;

  const send = (report: TimelineReport) => {
    const durationMs = Math.max(0, report.durationMs);
    const timeMs = Math.max(0, Math.min(report.timeMs, durationMs || report.timeMs));
    last = { trackId: report.trackId, state: report.state, at: now() };
    deps.timeline({ ...report, timeMs, durationMs }).catch(() => undefined);
  };

  return {
    /** Called on every state change and every position tick. `entryId` identifies the play-through. */
    update(report: TimelineReport & { entryId: string }) {
      const { entryId, ...rest } = report;
      const changed = !last || last.trackId !== rest.trackId || last.state !== rest.state;
      const due = rest.state === 'playing' && last !== null && now() - last.at >= interval;
      if (changed || due) send(rest);
      if (
        rest.durationMs > 0 &&
        rest.timeMs >= rest.durationMs * SCROBBLE_AT &&
        scrobbled !== entryId
      ) {
        scrobbled = entryId;
        deps.scrobble(rest.trackId).catch(() => undefined);
      }
    },
    /** A new play-through of the same entry (repeat one) may scrobble again. */
    restart() {
      scrobbled = null;
    },
  };
}

export type TimelineReporter = ReturnType<typeof createTimelineReporter>;
