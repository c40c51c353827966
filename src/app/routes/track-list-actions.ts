import { downloadTrack, removeTrack, useAvailability } from '../../features/downloads';
import type { TrackListActions } from '../../features/library';
import { currentQueueItem, player, usePlayerView } from '../../features/player';
import { useServersStore } from '../../features/servers';

/** The server whose library is on screen: the tracks a list hands over are its. */
const shownServerId = () => useServersStore.getState().selectedId;

/**
 * What the library's lists get from the player (its commands, for the server on screen) and from
 * downloads (a track's copy): one object, the same for every list, so memoised rows keep it.
 */
export const trackListActions: TrackListActions = {
  play: (tracks, index, origin) => player.playTracks(tracks, index, origin, shownServerId()),
  prepare: (track) => player.prime(track),
  playNext: (tracks) => player.playNext(tracks, shownServerId()),
  addToQueue: (tracks) => player.addToQueue(tracks, shownServerId()),
  useCurrentTrackId: () => usePlayerView((s) => currentQueueItem(s.queue)?.track.id ?? null),
  downloadTrack: (track) => downloadTrack(track, shownServerId()),
  removeTrack: (track) => removeTrack(track, shownServerId()),
  // Only the shown server's copies count (part ids collide between servers).
  useAvailability: () => useAvailability(useServersStore((s) => s.selectedId)),
};
