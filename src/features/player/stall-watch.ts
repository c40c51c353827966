import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import * as q from './queue';

const position = () => usePositionStore.getState().positionMs;

/**
 * A stream whose connection died raises no error in Chromium: the element keeps "playing" while
 * time stands still (web-platform.md). No progress for a few seconds → fail over, reload here.
 * A dropped connection that does raise an error is recovered the same way, once per entry.
 */
export function createStallWatch({
  stallAfterMs,
  onStall,
  reload,
}: {
  stallAfterMs: number;
  /** Re-probe the connections (fail over). */
  onStall?: () => Promise<void>;
  /** Loads the current entry again at `atMs`. */
  reload: (atMs: number) => void;
}) {
  const store = usePlayerStore;
  // Monotonic: a wall clock set forward must not fake a stall, nor one set back hide one.
  let last = { positionMs: -1, at: performance.now() };
  let recovering = false;
  /** The entry whose dropped connection was recovered: a second drop is the track's. */
  let retriedFor: string | null = null;

  /** The audio moved (or was moved) to `positionMs` now. */
  const progressed = (positionMs = position()) => {
    last = { positionMs, at: performance.now() };
  };

  async function recover() {
    if (recovering) return;
    recovering = true;
    try {
      await onStall?.();
      reload(position());
      progressed();
    } finally {
      recovering = false;
    }
  }

  async function check() {
    const s = store.getState();
    if (recovering || !s.wantsToPlay || !q.current(s.queue)) return;
    if (s.status !== 'playing' && s.status !== 'loading') return;
    if (performance.now() - last.at < stallAfterMs) return;
    await recover();
  }
  const watchdog = setInterval(() => void check(), 1_000);

  return {
    progressed,
    /** A time update: progress only if the position really moved. */
    time(positionMs: number) {
      if (Math.abs(positionMs - last.positionMs) > 1) progressed(positionMs);
    },
    /** `uid` sounds: a later drop of another entry may be recovered again. */
    playing(uid: string | null) {
      if (retriedFor !== uid) retriedFor = null;
      progressed();
    },
    /**
     * The connection of `uid` dropped: fails over and carries on where it was (true), once; a
     * second drop of the same entry is left to fail (false).
     */
    dropped(uid: string | null): boolean {
      if (retriedFor === uid) return false;
      retriedFor = uid;
      void recover();
      return true;
    },
    stop: () => clearInterval(watchdog),
  };
}

export type StallWatch = ReturnType<typeof createStallWatch>;
