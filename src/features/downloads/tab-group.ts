import { storageName } from '../../lib/storage-names';
import * as db from './download-db';
import { installQueueOps, perform, sendAsksTo, useDownloadsStore } from './downloads-store';
import { brokenRecords, readStoredDownloads } from './stored-downloads';
import { createQueueOps } from './queue-ops';
import * as out from './outbox';
import { startDownloadRunner, type RunnerDeps } from './runner';
import { applyChange } from './apply-change';
import type { Ask, Change, TabMessage } from './tab-messages';

/**
 * The tabs of one PlexM8 download together (docs/decisions/016): the tab holding the download
 * lock (Web Locks) runs the queue and alone writes jobs and sets; the others follow what it does
 * over a BroadcastChannel and send it what their user asks for. When it closes, the next tab in
 * line takes the lock and carries on from the saved chunks. Without Web Locks (Safari before
 * 15.4, which also lacks BroadcastChannel) each tab downloads on its own, as before.
 */

interface Channel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<TabMessage>) => void): void;
  close(): void;
}
type Locks = Pick<LockManager, 'request' | 'query'>;

// The store is eager (decision 030); its queue's operations come with this module.
installQueueOps(createQueueOps);

export interface TabPlatform {
  locks: Locks | null;
  openChannel(name: string): Channel | null;
}

const browserPlatform = (): TabPlatform => ({
  locks: typeof navigator !== 'undefined' ? (navigator.locks ?? null) : null,
  openChannel: (name) =>
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : null,
});

let platform: TabPlatform | null = null;
/** Tests give each simulated tab the same locks and channels. */
export function setTabPlatform(next: TabPlatform): void {
  platform = next;
}
const tabs = () => (platform ??= browserPlatform());
const lockName = () => storageName('download-runner');

/** A follower that asked to delete everything waits this long for the runner tab to do it. */
const REMOVE_ALL_WAIT_MS = 3_000;

/** joining: asked for the lock, not yet told whether another tab has it. */
type Role = 'idle' | 'joining' | 'follower' | 'runner';
let role: Role = 'idle';
let channel: Channel | null = null;
/** The newest runner tab heard of: a runner that took the lock later has a larger epoch. */
let newest = 0;
/** A change was heard since the last read of the disk. */
let heard = false;
/** Changes heard while the disk is being read, applied once it has been. */
let buffered: Change[] | null = null;
const pending = new Map<string, { ask: Ask; done(): void }>();

const post = (message: TabMessage) => channel?.postMessage(message);

function onMessage({ data }: MessageEvent<TabMessage>) {
  switch (data.t) {
    case 'change':
      if (role === 'runner' || data.epoch < newest) return;
      newest = data.epoch;
      heard = true;
      if (buffered) buffered.push(data.change);
      else applyChange(data.change);
      return;
    case 'hello':
      newest = Math.max(newest, data.epoch);
      if (role !== 'runner') for (const [id, p] of pending) post({ t: 'ask', id, ask: p.ask });
      return;
    case 'ask':
      if (role === 'runner')
        void perform(data.ask)
          .catch(() => undefined)
          .then(() => post({ t: 'done', id: data.id }));
      return;
    case 'done':
      pending.get(data.id)?.done();
      pending.delete(data.id);
      return;
    case 'settings':
      applyingSettings = true;
      useDownloadsStore.setState({ quality: data.quality, keepUpdated: data.keepUpdated });
      applyingSettings = false;
  }
}

let applyingSettings = false;

function listen(): void {
  if (channel || !tabs().locks) return;
  channel = tabs().openChannel(storageName('downloads'));
  if (!channel) return;
  channel.addEventListener('message', onMessage);
  useDownloadsStore.subscribe((s, prev) => {
    if (applyingSettings || (s.quality === prev.quality && s.keepUpdated === prev.keepUpdated))
      return;
    post({ t: 'settings', quality: s.quality, keepUpdated: s.keepUpdated });
  });
  // A tab that isn't running the queue still has "delete everything" reach the one that is,
  // which deletes once nothing of its own can still write (sign-out from a tab with no runner).
  sendAsksTo(idleSend);
}

function idleSend(ask: Ask): Promise<void> {
  if (ask.do === 'remove-all') post({ t: 'ask', id: crypto.randomUUID(), ask });
  return perform(ask);
}

/** An ask for the runner tab: sent again to each new runner until one has done it. */
function followerSend(ask: Ask): Promise<void> {
  const id = crypto.randomUUID();
  return new Promise<void>((resolve) => {
    pending.set(id, { ask, done: resolve });
    post({ t: 'ask', id, ask });
    if (ask.do !== 'remove-all') return;
    // A runner tab that doesn't answer (closing, stuck): the files go anyway.
    setTimeout(() => {
      if (!pending.delete(id)) return;
      void perform(ask).then(resolve);
    }, REMOVE_ALL_WAIT_MS);
  });
}

/** The load under way: callers that ask meanwhile share it. */
let loading: Promise<void> | null = null;

/**
 * Reads what earlier visits and other tabs saved, hearing meanwhile what the runner tab does, so
 * nothing written between the read and the first message is missed (it writes, then tells). Asked
 * again while a load is under way (the host after paint and a Download button at once), it is
 * that load: a second one would reset the changes the first is holding and then find none.
 */
export function loadDownloads(): Promise<void> {
  loading ??= load().finally(() => {
    loading = null;
  });
  return loading;
}

async function load(): Promise<void> {
  listen();
  heard = false;
  buffered = [];
  try {
    // The settings store waits to be asked (persisted-shape.ts): the names are settled by now.
    // Read once: a later load (this tab taking over the runner) has heard other tabs' settings.
    const settings = useDownloadsStore.persist.hasHydrated()
      ? null
      : useDownloadsStore.persist.rehydrate();
    await Promise.all([settings, readStoredDownloads()]);
  } finally {
    const changes = buffered;
    buffered = null;
    for (const change of changes) applyChange(change);
  }
}

/** This tab runs the queue now: the disk is its state, and it says so. */
async function becomeRunner(deps: RunnerDeps): Promise<() => Promise<void>> {
  // What this tab followed is what the last runner wrote; read it as written. (Asks from other
  // tabs meanwhile are left to them: they send them again on hello.)
  if (heard || !useDownloadsStore.getState().loaded) await loadDownloads();
  role = 'runner';
  newest = Math.max(Date.now(), newest + 1);
  const epoch = newest;
  sendAsksTo(null);
  useDownloadsStore.setState({ elsewhere: false });
  out.tellChangesTo(channel ? (change) => post({ t: 'change', epoch, change }) : null);
  const broken = brokenRecords();
  if (broken.jobs.length > 0) {
    await db.deleteJobs(broken.jobs).catch(() => undefined);
    await db.dropAllFilesOf(broken.jobs).catch(() => undefined);
  }
  if (broken.sets.length > 0) await db.deleteSets(broken.sets).catch(() => undefined);
  for (const id of broken.regained) {
    const set = useDownloadsStore.getState().sets[id];
    if (set) await out.persistSet(set).catch(() => undefined);
  }
  // Downloads cut off when the last runner went: queued again, from their saved chunks.
  const { jobs, patchJob } = useDownloadsStore.getState();
  for (const job of Object.values(jobs))
    if (job.status === 'downloading') patchJob(job.key, { status: 'queued' });
  post({ t: 'hello', epoch });
  for (const [id, p] of pending) {
    pending.delete(id);
    void perform(p.ask).then(p.done);
  }
  return startDownloadRunner(deps);
}

function follow(): void {
  role = 'follower';
  sendAsksTo(followerSend);
  useDownloadsStore.setState({ elsewhere: true });
}

/**
 * Joins the tabs' downloading: runs the queue when this tab gets the lock, follows the tab that
 * has it until then. The returned stop resolves once this tab can write nothing more (its runs
 * settled, its last records landed) and the lock has passed on.
 */
export function startDownloads(deps: RunnerDeps): () => Promise<void> {
  const { locks } = tabs();
  listen();
  if (!locks || !channel) {
    let stopRunner: (() => Promise<void>) | null = null;
    let stopped = false;
    void becomeRunner(deps).then((stop) => {
      if (stopped) void stop();
      else stopRunner = stop;
    });
    return async () => {
      stopped = true;
      await stopRunner?.();
      await out.settleWrites();
      role = 'idle';
    };
  }
  // Until the lock says who runs, asks wait as a follower's do: sent to a runner elsewhere, or
  // done here once this tab turns out to be the runner. Never done by two tabs.
  role = 'joining';
  sendAsksTo(followerSend);
  const leaving = new AbortController();
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let finished: Promise<void> = Promise.resolve();
  const whileHeld = async () => {
    if (leaving.signal.aborted) return;
    let done: () => void = () => undefined;
    finished = new Promise<void>((resolve) => (done = resolve));
    try {
      const stopRunner = await becomeRunner(deps);
      await released;
      await stopRunner();
      await out.settleWrites();
    } finally {
      out.tellChangesTo(null);
      role = 'idle';
      sendAsksTo(idleSend);
      done();
    }
  };
  void locks
    .request(lockName(), { ifAvailable: true }, (lock) => {
      if (lock) return whileHeld();
      if (leaving.signal.aborted) return undefined;
      follow();
      void locks.request(lockName(), { signal: leaving.signal }, whileHeld).catch(() => undefined);
      return undefined;
    })
    .catch(() => undefined);
  return async () => {
    leaving.abort();
    release();
    await finished;
    if (role === 'follower' || role === 'joining') {
      role = 'idle';
      sendAsksTo(idleSend);
      useDownloadsStore.setState({ elsewhere: false });
    }
  };
}
