import type { DownloadJob, DownloadSet } from './types';

/** How many of a set's tracks are done or failed, kept as jobs change (not counted per render). */
export interface SetCount {
  done: number;
  failed: number;
}

/** The sets and what is derived from them: which sets hold a job, and their counts. */
export interface SetsPart {
  sets: Record<string, DownloadSet>;
  /** Job key → the ids of the sets holding it (read when a job's status changes). */
  setIndex: Map<string, string[]>;
  setCounts: Record<string, SetCount>;
}

const weight = (job: DownloadJob | undefined): SetCount => ({
  done: job?.status === 'done' ? 1 : 0,
  failed: job?.status === 'failed' ? 1 : 0,
});

/**
 * The sets as they are now, indexed and counted: O(keys of every set), done when a set is added,
 * changed or removed (a user's action), never per progress report.
 */
export function withSets(
  jobs: Record<string, DownloadJob>,
  sets: Record<string, DownloadSet>,
): SetsPart {
  const setIndex = new Map<string, string[]>();
  const setCounts: Record<string, SetCount> = {};
  for (const set of Object.values(sets)) {
    const count = { done: 0, failed: 0 };
    for (const key of set.keys) {
      const held = setIndex.get(key);
      if (held) held.push(set.id);
      else setIndex.set(key, [set.id]);
      const w = weight(jobs[key]);
      count.done += w.done;
      count.failed += w.failed;
    }
    setCounts[set.id] = count;
  }
  return { sets, setIndex, setCounts };
}

/**
 * The counts once `before` became `after` (either may be missing): only the sets holding that
 * job change, each a new object; the record is copied (once per call) only if one did.
 */
export function recount(
  s: Pick<SetsPart, 'setIndex' | 'setCounts'>,
  changes: ReadonlyArray<readonly [DownloadJob | undefined, DownloadJob | undefined]>,
): Record<string, SetCount> {
  let counts = s.setCounts;
  for (const [before, after] of changes) {
    const a = weight(before);
    const b = weight(after);
    if (a.done === b.done && a.failed === b.failed) continue;
    const key = (after ?? before)?.key;
    for (const id of (key && s.setIndex.get(key)) || []) {
      const count = counts[id];
      if (!count) continue;
      if (counts === s.setCounts) counts = { ...counts };
      counts[id] = {
        done: count.done + b.done - a.done,
        failed: count.failed + b.failed - a.failed,
      };
    }
  }
  return counts;
}

/**
 * `set` now holds `added` as well (keys it didn't hold): the index gains them in place and only
 * they are counted, so queuing a 20,000-track playlist a piece at a time stays O(piece).
 */
export function addToSet(
  s: SetsPart & { jobs: Record<string, DownloadJob> },
  set: DownloadSet,
  added: readonly string[],
): SetsPart {
  const count = { ...(s.setCounts[set.id] ?? { done: 0, failed: 0 }) };
  for (const key of added) {
    const held = s.setIndex.get(key);
    if (held) held.push(set.id);
    else s.setIndex.set(key, [set.id]);
    const w = weight(s.jobs[key]);
    count.done += w.done;
    count.failed += w.failed;
  }
  return {
    sets: { ...s.sets, [set.id]: set },
    setIndex: s.setIndex,
    setCounts: { ...s.setCounts, [set.id]: count },
  };
}
