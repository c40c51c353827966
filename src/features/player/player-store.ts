import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import * as q from './queue';
import { playerShape } from './player-shape';
import { playerStorage } from './player-storage';
import { pacedHook } from './screen-pacing';

/** 'auto' fits the connection (docs/decisions/009); the others are the user's explicit choice. */
export type StreamQuality = 'auto' | 'original' | '320' | '192' | '128';
type PlayerStatus = 'idle' | 'loading' | 'playing' | 'paused';

/**
 * The player as the screens show it: plain state, no commands. What changes it is the player's
 * methods (player.ts) and, for what the audio does, the audio side (controller.ts).
 */
export interface PlayerState {
  queue: q.QueueState;
  /**
   * The machineIdentifier of the server the queue's tracks come from: their ids, part keys and
   * play queue mean something only there, so plays, ratings and streams go to that server alone.
   * null: an empty queue, or one saved before queues knew their server (adopted when played).
   */
  serverId: string | null;
  /** What the user wants: the audio follows. */
  wantsToPlay: boolean;
  status: PlayerStatus;
  volume: number;
  muted: boolean;
  quality: StreamQuality;
  /** How the current track reaches the speaker: transcoded (at kbps), a copy here, or the file. */
  stream: { kbps?: number; local?: boolean } | null;
  /** A short message about a skipped track or a playback problem. */
  notice: string | null;
  /** Tracks that failed in a row: stops a queue of unplayable tracks from spinning forever. */
  failuresInARow: number;
  nowPlayingOpen: boolean;
}

export const PLAYER_KEY = 'player';
type StoredPlayer = Pick<PlayerState, 'queue' | 'serverId' | 'volume' | 'muted' | 'quality'>;

export const usePlayerStore = create<PlayerState>()(
  persist(
    () => ({
      queue: q.emptyQueue,
      serverId: null,
      wantsToPlay: false,
      status: 'idle',
      volume: 1,
      muted: false,
      quality: 'auto',
      stream: null,
      notice: null,
      failuresInARow: 0,
      nowPlayingOpen: false,
    }),
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
 * track starts (screen-pacing.ts). The audio side uses usePlayerStore itself; components may not
 * (eslint.config.js), so no screen update lands in the task that starts the sound.
 */
export const usePlayerView = pacedHook(usePlayerStore);
