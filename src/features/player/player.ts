import type { Track } from '../../domain';
import { afterFailure, addedToQueue, ANOTHER_SERVER, noSound, playsNext } from './player-notices';
import { usePlayerStore, type PlayerState, type StreamQuality } from './player-store';
import { usePositionStore } from './position-store';
import * as q from './queue';
import type { PlaybackDriver } from './playback-driver';
import { holdScreen } from './screen-pacing';

type Queue = q.QueueState;
const position = () => usePositionStore.getState().positionMs;

/**
 * The player's commands (Finamp's MusicPlayerBackgroundTask, jellyfin-web's htmlAudioPlayer):
 * each changes the state the screens show (player-store.ts), then has the audio do its part at
 * once. The audio side attaches when its chunk has loaded; until then commands change the state
 * alone, and the audio starts from that state (a tap made before it arrived is not lost).
 */
export class Player {
  private audio: PlaybackDriver | null = null;

  constructor(private readonly store = usePlayerStore) {}

  /** The state now (for an event handler that must see its own command's effect). */
  get state(): PlayerState {
    return this.store.getState();
  }

  /** The audio side starts: it loads what the state holds. Returns its detaching. */
  attach(audio: PlaybackDriver): () => void {
    this.audio = audio;
    audio.load();
    return () => {
      if (this.audio === audio) this.audio = null;
    };
  }

  /** `origin`: the list is that playlist or album, whole and in its own order. */
  playTracks(
    tracks: readonly Track[],
    index: number,
    origin?: q.QueueOrigin,
    serverId?: string | null,
  ) {
    holdScreen();
    const queue = q.playFrom(this.state.queue, tracks, index, undefined, origin);
    this.store.setState({
      queue,
      serverId: serverId ?? null,
      wantsToPlay: true,
      failuresInARow: 0,
      notice: null,
    });
    this.audio?.load();
  }

  play() {
    if (this.state.wantsToPlay) return;
    this.store.setState({ wantsToPlay: true });
    this.audio?.play();
  }

  pause() {
    if (!this.state.wantsToPlay) return;
    this.store.setState({ wantsToPlay: false });
    this.audio?.pause();
  }

  togglePlay() {
    if (this.state.wantsToPlay) this.pause();
    else this.play();
  }

  next() {
    this.holdIfPlaying();
    this.moveTo(q.next(this.state.queue, 'skip'), { failuresInARow: 0 });
  }

  /** Restarts the track when more than 3 s in, else goes to the previous one. */
  previous(positionMs = position()) {
    if (positionMs > 3000) return this.seek(0);
    this.holdIfPlaying();
    this.edit(q.previous(this.state.queue));
  }

  seek(ms: number) {
    this.audio?.seek(ms);
  }

  jumpTo(index: number) {
    holdScreen();
    const wanted = this.state.wantsToPlay;
    if (!this.edit(q.jumpTo(this.state.queue, index), { wantsToPlay: true }) && !wanted)
      this.audio?.play();
  }

  setVolume(volume: number) {
    this.store.setState({ volume: Math.max(0, Math.min(1, volume)), muted: false });
    this.audio?.setVolume(this.state.volume, false);
  }

  toggleMute() {
    this.store.setState({ muted: !this.state.muted });
    this.audio?.setVolume(this.state.volume, this.state.muted);
  }

  toggleShuffle() {
    this.edit(q.setShuffle(this.state.queue, !this.state.queue.shuffle));
  }

  cycleRepeat() {
    this.edit(q.cycleRepeat(this.state.queue));
  }

  /** Tracks from `serverId`; refused (with a notice) when the queue is another server's. */
  playNext(tracks: readonly Track[], serverId: string | null = null) {
    if (this.otherServers(serverId)) return this.showNotice(ANOTHER_SERVER);
    const extra = { serverId: this.state.serverId ?? serverId, notice: playsNext(tracks) };
    this.edit(q.playNext(this.state.queue, tracks), extra);
  }

  addToQueue(tracks: readonly Track[], serverId: string | null = null) {
    if (this.otherServers(serverId)) return this.showNotice(ANOTHER_SERVER);
    const extra = { serverId: this.state.serverId ?? serverId, notice: addedToQueue(tracks) };
    this.edit(q.addToQueue(this.state.queue, tracks), extra);
  }

  move(from: number, to: number) {
    this.edit(q.move(this.state.queue, from, to));
  }

  remove(index: number) {
    this.edit(q.remove(this.state.queue, index));
  }

  clearUpcoming() {
    this.edit(q.clearUpcoming(this.state.queue));
  }

  /** A change of a queued track's own data (its rating): the entries and what plays stay. */
  patchTrack(id: string, patch: Partial<Track>) {
    this.edit(q.withTrack(this.state.queue, id, patch));
  }

  /** A queue saved before queues knew their server belongs to the one it is first played on. */
  adoptServer(serverId: string) {
    if (!this.state.serverId) this.store.setState({ serverId });
  }

  /** Another quality: the track playing is loaded again at it, where it was. */
  setQuality(quality: StreamQuality) {
    if (quality === this.state.quality) return;
    this.store.setState({ quality });
    this.audio?.load(position());
  }

  prime(track: Track) {
    this.audio?.prime(track);
  }

  setNowPlayingOpen(nowPlayingOpen: boolean) {
    this.store.setState({ nowPlayingOpen });
  }

  showNotice(notice: string) {
    this.store.setState({ notice });
  }

  dismissNotice() {
    this.store.setState({ notice: null });
  }

  /** Signed out: the queue goes (and with it what is loaded). */
  forget() {
    const queue = q.emptyQueue;
    this.store.setState({
      queue,
      serverId: null,
      nowPlayingOpen: false,
      notice: null,
      wantsToPlay: false,
    });
    this.audio?.load();
  }

  // What the audio reports (controller.ts): the queue moves on, or stops.

  /** Heard for a while: it really plays, so earlier failures stop counting. */
  trackStarted() {
    if (this.state.failuresInARow > 0) this.store.setState({ failuresInARow: 0 });
  }

  trackEnded() {
    const { queue } = this.state;
    const moved = q.next(queue, 'ended');
    // Repeat one (or a one-track repeat-all queue): the same entry again, from the start.
    if (moved && moved.index === queue.index) this.audio?.load(0);
    else this.moveTo(moved);
  }

  trackFailed(reason: string) {
    const after = afterFailure(this.state.queue, this.state.failuresInARow, reason);
    if (after.stop) this.stop({ failuresInARow: after.failures, notice: after.notice });
    else this.moveTo(after.queue, { failuresInARow: after.failures, notice: after.notice });
  }

  /** The device's audio output failed: stop where it is and say so (no track is to blame). */
  outputFailed(reason: string) {
    this.stop({ notice: noSound(reason) });
  }

  /** Moving to another track while playing: its sound comes before the screen. */
  private holdIfPlaying() {
    if (this.state.wantsToPlay) holdScreen();
  }

  private otherServers(serverId: string | null) {
    const s = this.state;
    return (
      s.queue.items.length > 0 &&
      s.serverId !== null &&
      serverId !== null &&
      s.serverId !== serverId
    );
  }

  /** To `queue`, or (null: the end of it) stopped. */
  private moveTo(queue: Queue | null, extra: Partial<PlayerState> = {}) {
    if (queue) this.edit(queue, extra);
    else this.stop(extra);
  }

  private stop(extra: Partial<PlayerState>) {
    const wanted = this.state.wantsToPlay;
    this.store.setState({ wantsToPlay: false, status: 'paused', ...extra });
    if (wanted) this.audio?.pause();
  }

  /**
   * The queue becomes `queue`. Another current entry is loaded; the same one plays on, and only
   * what comes next is prepared again. Returns whether another entry was loaded.
   */
  private edit(queue: Queue, extra: Partial<PlayerState> = {}): boolean {
    const before = this.state.queue;
    if (queue === before && Object.keys(extra).length === 0) return false;
    this.store.setState({ queue, ...extra });
    if (q.current(queue)?.uid !== q.current(before)?.uid) {
      this.audio?.load();
      return true;
    }
    if (queue.items !== before.items || queue.repeat !== before.repeat) this.audio?.queueChanged();
    return false;
  }
}

/** The one player of this tab. */
export const player = new Player();
