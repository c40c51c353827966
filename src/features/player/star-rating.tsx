import { useMutation, useMutationState } from '@tanstack/react-query';
import type { Track } from '../../domain';
import { describeError } from '../../ui/plex-error-text';
import { usePms } from '../../lib/plex-context';
import { rateScope, writeKeys, type RateTrack } from '../../lib/server-writes';
import { usePlayerView } from './player-store';

/** A rating's variables: what a mutation of the rate kind was given (unknown to the cache). */
const isRate = (value: unknown): value is RateTrack =>
  typeof value === 'object' &&
  value !== null &&
  'trackId' in value &&
  typeof value.trackId === 'string' &&
  'serverId' in value &&
  typeof value.serverId === 'string';
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const starsOf = (rating: number | null | undefined) => Math.round((rating ?? 0) / 2);
const starWords = (n: number) => (n === 0 ? 'no stars' : `${n} star${n > 1 ? 's' : ''}`);

/**
 * Five stars = Plex's 10; clicking the current rating clears it. The rating is a mutation
 * (app/server-writes.ts): it shows at once in the queue's copy of the track, waits while offline,
 * and goes back, saying why, if the server refuses it.
 */
export function StarRating({ track }: { track: Track }) {
  const connected = usePms();
  const queueServer = usePlayerView((s) => s.serverId);
  // The queue's track id means another song on any other server.
  const access = connected && connected.serverId === queueServer ? connected : null;
  const rate = useMutation<unknown, Error, RateTrack>({
    mutationKey: writeKeys.rate,
    scope: rateScope({ serverId: access?.serverId ?? '', trackId: track.id }),
  });
  // The last rating of this track given here, wherever it was given (the player closed and opened
  // again, or a reload): its refusal or its wait for the network is said until the next one.
  const last = useMutationState({
    filters: {
      mutationKey: writeKeys.rate,
      predicate: (m) =>
        isRate(m.state.variables) &&
        m.state.variables.trackId === track.id &&
        m.state.variables.serverId === access?.serverId,
    },
    select: (m) => ({
      status: m.state.status,
      paused: m.state.isPaused,
      error: m.state.error,
      rating: isRate(m.state.variables) ? m.state.variables.rating : null,
    }),
  }).at(-1);
  const stars = starsOf(track.userRating);

  function choose(n: number) {
    if (!access) return;
    rate.mutate({
      userId: access.userId,
      serverId: access.serverId,
      trackId: track.id,
      title: track.title,
      // Tapping the rating shown clears it.
      rating: n === stars ? null : n * 2,
    });
  }

  return (
    <div className="stars" role="group" aria-label="Rating">
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          className={`star${n <= stars ? ' on' : ''}`}
          aria-pressed={n <= stars}
          aria-label={`${n} star${n > 1 ? 's' : ''}`}
          disabled={!access}
          onClick={() => choose(n)}
        >
          ★
        </button>
      ))}
      {last?.status === 'error' ? (
        <span className="star-error" role="alert">
          {`Couldn't save the rating (${starWords(starsOf(last.rating))}): ${sentence(describeError(last.error))} It's back to ${starWords(stars)}.`}
        </span>
      ) : last?.status === 'pending' && last.paused ? (
        <span className="star-note" role="status">
          Offline: the rating is sent when the server can be reached.
        </span>
      ) : null}
    </div>
  );
}
