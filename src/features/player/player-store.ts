import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Track } from '../../domain';
import * as q from './queue';
import { playerShape } from './player-shape';
import { playerStorage } from './player-storage';
import { holdScreen, pacedHook } from './screen-pacing';

/** 'auto' fits the connection (docs/decisions/009); the others are the user's explicit choice. */
export type StreamQuality = 'auto' | 'original' | '320' | '192' | '128';
export type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused';

export interface PlayerState {
  queue: q.QueueState;
  /**
   * The machineIdentifier of the server the queue's tracks come from: their ids, part keys and
   * play queue mean something only there, so plays, ratings and streams go to that server alone.
   * null: an empty queue, or one saved before queues knew their server (adopted when played).
   */
  serverId: string | null;
  /** What the user wants: the engine follows. */
  wantsToPlay: boolean;
  status: PlayerStatus;
  volume: number;
  muted: boolean;
  quality: StreamQuality;
  /** How the current track reaches the speaker: transcoded (at kbps), a copy here, or the file. */
  stream: { kbps?: number; local?: boolean } | null;
  /** A short message about a skipped track or a playback problem. */
  notice: string | null;
  /** Bumped to make the controller (re)load the current track, e.g. after a failover. */
  loadId: number;
  /** Where the next load starts (a resume or a failover); consumed by the controller. */
  startAtMs: number | null;
  /** A seek the controller should carry out. */
  seekTo: { ms: number; id: number } | null;
  /** Tracks that failed in a row: stops a queue of unplayable tracks from spinning forever. */
  failuresInARow: number;
  nowPlayingOpen: boolean;
  /** A track the user is about to tap (mouse pressed on it): the controller starts fetching it. */
  primed: Track | null;

  /** The mouse went down on a track: start fetching it, so the click finds it on its way. */
  prime(track: Track): void;
  /** `origin`: the list is that playlist or album, whole and in its own order. */
  playTracks(
    tracks: readonly Track[],
    index: number,
    origin?: q.QueueOrigin,
    serverId?: string | null,
  ): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  next(): void;
  /** Restarts the track when more than 3 s in, else goes to the previous one. */
  previous(positionMs: number): void;
  seek(ms: number): void;
  jumpTo(index: number): void;
  setVolume(volume: number): void;
  toggleMute(): void;
  toggleShuffle(): void;
  cycleRepeat(): void;
  /** Tracks from `serverId`; refused (with a notice) when the queue is another server's. */
  playNext(tracks: readonly Track[], serverId?: string | null): void;
  addToQueue(tracks: readonly Track[], serverId?: string | null): void;
  /** A queue saved before queues knew their server belongs to the one it is first played on. */
  adoptServer(serverId: string): void;
  move(from: number, to: number): void;
  remove(index: number): void;
  clearUpcoming(): void;
  /** A change of a queued track's own data (its rating): the entries and what plays stay. */
  patchTrack(id: string, patch: Partial<Track>): void;
  setQuality(quality: StreamQuality): void;
  setNowPlayingOpen(open: boolean): void;
  dismissNotice(): void;
  /** Loads the current track again at `atMs` (after a failover, or to resume). */
  reload(atMs: number): void;
  /** Engine reports. */
  setStatus(status: PlayerStatus): void;
  trackEnded(): void;
  trackFailed(reason: string): void;
  /** The device's audio output failed: stop where it is and say so (no track is to blame). */
  outputFailed(reason: string): void;
  trackStarted(): void;
}

export const PLAYER_KEY = 'player';
type StoredPlayer = Pick<PlayerState, 'queue' | 'serverId' | 'volume' | 'muted' | 'quality'>;

/** One queue, one server: its ids mean nothing to another (a track id there is another song). */
const ANOTHER_SERVER =
  'The queue is from another server: play these tracks to start a new queue with them.';
const otherServers = (s: PlayerState, serverId: string | null) =>
  s.queue.items.length > 0 && s.serverId !== null && serverId !== null && s.serverId !== serverId;

/** Tracks failing in a row before the player stops instead of skipping on. */
const FAILURES_BEFORE_STOPPING = 3;

export const usePlayerStore = create<PlayerState>()(
  persist(
    (set, get) => {
      const go = (queue: q.QueueState | null, extra: Partial<PlayerState> = {}) =>
        set(queue ? { queue, ...extra } : { wantsToPlay: false, status: 'paused', ...extra });
      /** Moving to another track while playing: its sound comes before the screen. */
      const holdIfPlaying = () => {
        if (get().wantsToPlay) holdScreen();
      };
      return {
        queue: q.emptyQueue,
        serverId: null,
        wantsToPlay: false,
        status: 'idle',
        volume: 1,
        muted: false,
        quality: 'auto',
        stream: null,
        notice: null,
        loadId: 0,
        startAtMs: null,
        seekTo: null,
        failuresInARow: 0,
        nowPlayingOpen: false,
        primed: null,

        prime: (track) => set({ primed: track }),
        playTracks: (tracks, index, origin, serverId = null) => {
          holdScreen();
          set((s) => ({
            queue: q.playFrom(s.queue, tracks, index, undefined, origin),
            serverId,
            wantsToPlay: true,
            failuresInARow: 0,
            notice: null,
            loadId: s.loadId + 1,
          }));
        },
        play: () => set({ wantsToPlay: true }),
        pause: () => set({ wantsToPlay: false }),
        togglePlay: () => set((s) => ({ wantsToPlay: !s.wantsToPlay })),
        next: () => {
          holdIfPlaying();
          go(q.next(get().queue, 'skip'), { failuresInARow: 0 });
        },
        previous: (positionMs) => {
          if (positionMs > 3000) set((s) => ({ seekTo: { ms: 0, id: (s.seekTo?.id ?? 0) + 1 } }));
          else {
            holdIfPlaying();
            set((s) => ({ queue: q.previous(s.queue) }));
          }
        },
        seek: (ms) => set((s) => ({ seekTo: { ms, id: (s.seekTo?.id ?? 0) + 1 } })),
        jumpTo: (index) => {
          holdScreen();
          set((s) => ({ queue: q.jumpTo(s.queue, index), wantsToPlay: true }));
        },
        setVolume: (volume) => set({ volume: Math.max(0, Math.min(1, volume)), muted: false }),
        toggleMute: () => set((s) => ({ muted: !s.muted })),
        toggleShuffle: () => set((s) => ({ queue: q.setShuffle(s.queue, !s.queue.shuffle) })),
        cycleRepeat: () => set((s) => ({ queue: q.cycleRepeat(s.queue) })),
        playNext: (tracks, serverId = null) =>
          set((s) =>
            otherServers(s, serverId)
              ? { notice: ANOTHER_SERVER }
              : {
                  queue: q.playNext(s.queue, tracks),
                  serverId: s.serverId ?? serverId,
                  notice:
                    tracks.length === 1
                      ? `“${tracks[0]?.title}” plays next`
                      : `${tracks.length} tracks play next`,
                },
          ),
        addToQueue: (tracks, serverId = null) =>
          set((s) =>
            otherServers(s, serverId)
              ? { notice: ANOTHER_SERVER }
              : {
                  queue: q.addToQueue(s.queue, tracks),
                  serverId: s.serverId ?? serverId,
                  notice:
                    tracks.length === 1
                      ? `Added “${tracks[0]?.title}” to the queue`
                      : `Added ${tracks.length} tracks to the queue`,
                },
          ),
        adoptServer: (serverId) => set((s) => (s.serverId ? s : { serverId })),
        move: (from, to) => set((s) => ({ queue: q.move(s.queue, from, to) })),
        remove: (index) => set((s) => ({ queue: q.remove(s.queue, index) })),
        clearUpcoming: () => set((s) => ({ queue: q.clearUpcoming(s.queue) })),
        patchTrack: (id, patch) =>
          set((s) => {
            const queue = q.withTrack(s.queue, id, patch);
            return queue === s.queue ? s : { queue };
          }),
        setQuality: (quality) => set({ quality }),
        setNowPlayingOpen: (nowPlayingOpen) => set({ nowPlayingOpen }),
        dismissNotice: () => set({ notice: null }),
        reload: (atMs) => set((s) => ({ loadId: s.loadId + 1, startAtMs: atMs })),
        setStatus: (status) => set({ status }),
        trackStarted: () => set({ failuresInARow: 0 }),
        trackEnded: () => {
          const s = get();
          const moved = q.next(s.queue, 'ended');
          // Repeat one (or a one-track repeat-all queue): the same entry again, from the start.
          if (moved && moved.index === s.queue.index) set({ loadId: s.loadId + 1, startAtMs: 0 });
          else go(moved);
        },
        outputFailed: (reason) =>
          set({
            wantsToPlay: false,
            status: 'paused',
            notice: `No sound: ${reason}. Check the speakers or headphones, then press play.`,
          }),
        trackFailed: (reason) => {
          const s = get();
          const title = q.current(s.queue)?.track.title ?? 'This track';
          const failures = s.failuresInARow + 1;
          // The whole queue, or several in a row: that is rarely the files (a sound output that
          // fails, which Firefox calls a decode error too; a server that broke). Skipping on
          // would burn through the queue.
          const wholeQueue = failures >= s.queue.items.length;
          if (wholeQueue || failures >= FAILURES_BEFORE_STOPPING) {
            const why = wholeQueue
              ? 'Nothing else in the queue could play either.'
              : `${failures} tracks in a row couldn't play, so PlexM8 stopped here. If nothing plays, check this device's sound output, then press play.`;
            set({
              wantsToPlay: false,
              status: 'paused',
              failuresInARow: failures,
              notice: `Couldn't play “${title}”: ${reason}. ${why}`,
            });
            return;
          }
          const moved =
            q.next(s.queue, 'skip') ?? (s.queue.items.length > 1 ? { ...s.queue, index: 0 } : null);
          go(moved, { failuresInARow: failures, notice: `Skipped “${title}”: ${reason}.` });
        },
      };
    },
    {
      name: PLAYER_KEY,
      ...playerShape<PlayerState, StoredPlayer>(playerStorage<StoredPlayer>()),
      // Position lives in its own store; playing state is never restored (no surprise audio).
      partialize: (s) => ({
        queue: s.queue,
        serverId: s.serverId,
        volume: s.volume,
        muted: s.muted,
        quality: s.quality,
      }),
    },
  ),
);

/**
 * How components read the player: selectors over the store, with updates held while a tapped
 * track starts (screen-pacing.ts). The audio side uses usePlayerStore itself.
 */
export const usePlayerView = pacedHook(usePlayerStore);
