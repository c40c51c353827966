/**
 * The downloads in flight in this tab, each with a way to stop it and a promise that settles once
 * it has written its last byte. A removed download's files are deleted only after its run has
 * settled, so a chunk being saved as the user deletes can't land after the delete; and the tab
 * hands the download lock on only once nothing of its runs can still write.
 */
interface Run {
  controller: AbortController;
  settled: Promise<void>;
}

const runs = new Map<string, Run>();

export const isRunning = (key: string) => runs.has(key);
export const runningCount = () => runs.size;

/** Claims `key` for a run; `finish` must be called once when it has settled. */
export function claimRun(key: string): { controller: AbortController; finish(): void } {
  const controller = new AbortController();
  let finish: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => {
    finish = () => {
      if (runs.get(key)?.controller === controller) runs.delete(key);
      resolve();
    };
  });
  runs.set(key, { controller, settled });
  return { controller, finish };
}

/** Stops these runs (every run when no keys are given) and waits until each has settled. */
export async function stopRuns(keys?: readonly string[], reason?: unknown): Promise<void> {
  const chosen = keys ? keys.flatMap((k) => runs.get(k) ?? []) : [...runs.values()];
  for (const run of chosen) run.controller.abort(reason);
  await Promise.all(chosen.map((run) => run.settled));
}

export function abortRuns(reason?: unknown): void {
  for (const run of runs.values()) run.controller.abort(reason);
}
