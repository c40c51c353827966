import { CoverArt, type ArtworkUrl } from '../../ui/cover-art';
import { player } from './player';
import { usePlayerView } from './player-store';
import { current } from './queue';
import { SeekBar } from './seek-bar';
import { Transport } from './transport';

/** Always there once something is queued; opens the full now-playing view. */
export function MiniPlayer({ urlFor }: { urlFor: ArtworkUrl | null }) {
  const track = usePlayerView((s) => current(s.queue)?.track);
  const covered = usePlayerView((s) => s.nowPlayingOpen);
  // Under the full player, one set of controls is enough (and screen readers find just one).
  if (!track || covered) return null;
  return (
    <section className="mini-player" aria-label="Player">
      <SeekBar compact />
      <button type="button" className="mini-info" onClick={() => player.setNowPlayingOpen(true)}>
        {/* Named by its words: "Now playing: <title> by <artist>. Open the player". */}
        <CoverArt path={track.thumb} size={44} urlFor={urlFor} label={track.album} />
        <span className="mini-text">
          <span className="visually-hidden">Now playing: </span>
          <span className="mini-title" dir="auto">
            {track.title}
          </span>
          <span className="visually-hidden"> by </span>
          <span className="mini-artist" dir="auto">
            {track.artist}
          </span>
          <span className="visually-hidden">. Open the player</span>
        </span>
      </button>
      <Transport />
    </section>
  );
}
