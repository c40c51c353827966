import { useState } from 'react';
import type { Track } from '../../domain';
import { describeError } from '../../lib/plex';
import { playbackOf } from '../../lib/plex/pms-playback';
import { usePms } from '../../lib/plex-context';
import { usePlayerView } from './player-store';

/** Five stars = Plex's 10; clicking the current rating clears it. */
export function StarRating({ track }: { track: Track }) {
  const connected = usePms();
  const queueServer = usePlayerView((s) => s.serverId);
  // The queue's track id means another song on any other server.
  const access = connected && connected.serverId === queueServer ? connected : null;
  const [rating, setRating] = useState<{ id: string; value: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = rating?.id === track.id ? rating.value : (track.userRating ?? 0);
  const stars = Math.round(value / 2);

  async function rate(n: number) {
    if (!access) return;
    // Tapping the rating shown clears it.
    const next = n === stars ? null : n * 2;
    setRating({ id: track.id, value: next ?? 0 });
    setError(null);
    try {
      await playbackOf(access.client).rate(track.id, next);
    } catch (cause) {
      setRating({ id: track.id, value });
      setError(`Couldn't save the rating: ${describeError(cause)}`);
    }
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
          onClick={() => void rate(n)}
        >
          ★
        </button>
      ))}
      {error ? (
        <span className="star-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
