import { whenResolved, type ControllerDeps } from './controller-deps';
import type { PlaybackReports } from './playback-reports';
import type { SourceResult } from './playback-source';
import type { Player } from './player';
import { usePlayerStore } from './player-store';
import { usePositionStore } from './position-store';
import type { Preloader } from './preloader';
import * as q from './queue';
import { releaseScreen } from './screen-pacing';
import type { StallWatch } from './stall-watch';

/** Where an entry starts when it is next loaded: a resume after a reopen, a failover's reload. */
export interface ResumePoint {
  uid: string;
  positionMs: number;
}

/**
 * Loading the queue's current entry into the engine: where it plays from (a copy, a stream),
 * where it starts, and what happens when it can't play. Runs in the task of the command that
 * asked (a tap), so the media element gets its source and play() inside the user's gesture.
 */
export function createTrackLoader(
  deps: Pick<ControllerDeps, 'engine' | 'resolve' | 'reporter'>,
  parts: {
    player: Player;
    reports: PlaybackReports;
    preloader: Preloader;
    stall: () => StallWatch;
    isStopped: () => boolean;
    letGo: (source: SourceResult) => void;
  },
  resumeAt: ResumePoint | null,
) {
  const { engine } = deps;
  const { reports } = parts;
  const store = usePlayerStore;
  /** The entry in the engine (or on its way): null when nothing is, or it waits to be pressed. */
  let loadedUid: string | null = null;
  /** Bumped by every load: an answer for an older one is let go. */
  let token = 0;
  let resume = resumeAt;

  function load(atMs?: number) {
    parts.preloader.cancel();
    reports.settled();
    const item = q.current(store.getState().queue);
    // Left for another entry (a skip, a new queue, the end): Plex hears that it stopped.
    if (deps.reporter?.lastReport()?.entryId !== item?.uid) reports.leave();
    if (!item) {
      loadedUid = null;
      engine.unload();
      store.setState({ status: 'idle', stream: null });
      usePositionStore.getState().setPosition(null, 0, 0);
      return;
    }
    if (atMs !== undefined) resume = { uid: item.uid, positionMs: atMs };
    loadedUid = item.uid;
    const mine = (token += 1);
    whenResolved(deps.resolve(item.track, store.getState().quality, 'play'), (source) => {
      // Superseded while a copy was read or a transcode prepared: a newer load is in charge.
      if (!parts.isStopped() && mine === token && loadedUid === item.uid) start(item, source);
      else parts.letGo(source);
    });
  }

  function start(item: q.QueueItem, source: SourceResult) {
    const s = store.getState();
    // Nothing will sound (not playable, or not asked to): no reason to keep the screen waiting.
    if (!source.ok || !s.wantsToPlay) releaseScreen();
    const startAtMs = resume?.uid === item.uid ? resume.positionMs : 0;
    // Not loading yet: still show where it will resume (the resume point stays for the load).
    const showResumePoint = () =>
      usePositionStore.getState().setPosition(item.uid, startAtMs, item.track.durationMs ?? 0);
    if (!source.ok && source.waiting) {
      showResumePoint();
      // Not the track's fault: try again when the user presses play (or the server comes back).
      loadedUid = null;
      store.setState({
        status: 'paused',
        wantsToPlay: false,
        notice: s.wantsToPlay ? `Can't play yet: ${source.reason}.` : s.notice,
      });
      return;
    }
    if (!source.ok && !s.wantsToPlay) {
      // Paused (a restored queue, say): never skip past a track nobody asked to hear yet.
      showResumePoint();
      loadedUid = null;
      return;
    }
    if (!source.ok) return parts.player.trackFailed(source.reason);
    resume = null;
    usePositionStore.getState().setPosition(item.uid, startAtMs, item.track.durationMs ?? 0);
    parts.stall().progressed(startAtMs);
    deps.reporter?.restart();
    engine.setVolume(s.volume, s.muted);
    engine.load(source.source, { startAtMs, autoplay: s.wantsToPlay });
    // Once the element is on its way: the store's listeners run inside this (the tap's) task.
    const { kbps, local } = source.source;
    store.setState({ stream: { kbps, local } });
    if (s.wantsToPlay) reports.starting(() => store.getState().status === 'loading');
  }

  return { load, loadedUid: () => loadedUid };
}
