import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** A trace event's fields this reads (the protocol types them all as strings: they aren't). */
function toEvent(raw: Record<string, unknown>): TraceEvent {
  const num = (x: unknown) => (typeof x === 'number' ? x : undefined);
  const args = raw.args;
  const name =
    typeof args === 'object' && args !== null && 'name' in args && typeof args.name === 'string'
      ? args.name
      : undefined;
  return {
    name: String(raw.name),
    ph: String(raw.ph),
    pid: num(raw.pid) ?? -1,
    tid: num(raw.tid) ?? -1,
    dur: num(raw.dur),
    tdur: num(raw.tdur),
    args: { name },
  };
}

/**
 * The page's main-thread tasks by the CPU time each took (the trace's `tdur`), not wall time:
 * on a shared machine at load 10 a 20 ms task can last 100 ms on the clock while its thread
 * waits for a core, and the long-task figures read that wait as the page's work. This is what
 * a device with a core to itself would see (docs/decisions/025).
 */
export async function traceMainThread(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => {
    for (const raw of data.value) events.push(toEvent(raw));
  });
  await cdp.send('Tracing.start', {
    categories: 'toplevel,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async function stop(): Promise<number[]> {
    const done = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    await cdp.send('Tracing.end');
    await done;
    const main = new Set(
      events
        .filter(
          (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
        )
        .map((e) => `${e.pid}:${e.tid}`),
    );
    return events
      .filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`))
      .map((e) => (e.tdur ?? 0) / 1000);
  };
}
