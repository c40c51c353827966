import { describe, expect, it } from 'vitest';
import type { SourceResult } from './playback-source';
import { streamsAhead } from './streams-ahead';

/** One transcode session: its stream, and whether it was stopped. */
function stream(name: string) {
  const stopped: string[] = [];
  const result: SourceResult = {
    ok: true,
    source: {
      url: `https://pms/start.mp3?session=${name}`,
      format: 'mp3',
      transcoded: true,
      release: () => void stopped.push(name),
      restartAt: (ms) => ({
        url: `https://pms/start.mp3?session=${name}&offset=${ms / 1000}`,
        format: 'mp3',
        transcoded: true,
        release: () => void stopped.push(`${name} (restarted)`),
      }),
    },
  };
  return { stopped, make: () => Promise.resolve(result) };
}
const source = async (r: SourceResult | Promise<SourceResult>) => {
  const done = await r;
  if (!done.ok) throw new Error(done.reason);
  return done.source;
};

describe('streams made ahead of time', () => {
  it('hand the preloaded stream to the play that follows, and a preload letting go first ends nothing', async () => {
    const ahead = streamsAhead();
    const a = stream('a');
    const preloaded = await source(ahead.claim('7@auto', a.make, false));
    const playing = await source(ahead.claim('7@auto', () => stream('b').make(), true));
    expect(playing.url).toBe(preloaded.url);
    // Next was pressed while it was being prepared: the preload lets go, the play goes on.
    preloaded.release?.();
    expect(a.stopped).toEqual([]);
    // A seek restarts the same session; letting go of it ends the session once.
    const sought = playing.restartAt?.(5_000);
    expect(sought?.url).toContain('offset=5');
    sought?.release?.();
    playing.release?.();
    expect(a.stopped).toEqual(['a']);
  });

  it('make a new stream for a play once the shared one is taken, or let go by everyone', async () => {
    const ahead = streamsAhead();
    const first = await source(ahead.claim('7@auto', stream('a').make, false));
    first.release?.();
    const again = await source(ahead.claim('7@auto', stream('b').make, false));
    expect(again.url).toContain('session=b');
    await source(ahead.claim('7@auto', stream('c').make, true));
    const later = await source(ahead.claim('7@auto', stream('d').make, true));
    expect(later.url).toContain('session=d');
  });
});
