import { describe, expect, it, vi } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import { PlexError } from '../../lib/plex/errors';
import { downloadFrom } from './download-url';
import type { StreamServer } from './playback-source';

const flac = aTrack({
  id: '7',
  media: { partId: 70, partKey: '/library/parts/70/file.flac', codec: 'flac', bitrate: 1_800 },
});

/** A server that records what it was asked, in order; `refuse` makes the decision fail. */
function server(refuse?: unknown) {
  const calls: string[] = [];
  const plex: StreamServer = {
    partUrl: (key) => `https://pms${key}`,
    transcodeDecision: vi.fn(async (r) => {
      calls.push(`decision ${r.kbps}`);
      if (refuse) throw refuse;
    }),
    transcodeUrl: (r) => `https://pms/start.mp3?kbps=${r.kbps}&session=${r.session}`,
    stopTranscode: vi.fn(async () => void calls.push('stop')),
  };
  return { plex, calls };
}

describe("a download's URL", () => {
  it('is the file itself for an original, with no transcoder asked', async () => {
    const { plex, calls } = server();
    expect(await downloadFrom(flac, 'original', plex)).toEqual({
      ok: true,
      url: 'https://pms/library/parts/70/file.flac',
      transcoded: false,
    });
    expect(calls).toEqual([]);
  });

  it("is the transcoder's stream at the chosen bitrate, after its decision; done stops it", async () => {
    const { plex, calls } = server();
    const answer = await downloadFrom(flac, '192', plex);
    if (!answer?.ok) throw new Error('no source');
    expect(answer.transcoded).toBe(true);
    expect(answer.url).toMatch(/^https:\/\/pms\/start\.mp3\?kbps=192&session=/);
    expect(calls).toEqual(['decision 192']);
    answer.done?.();
    await vi.waitFor(() => expect(calls).toEqual(['decision 192', 'stop']));
  });

  it('says whether a failed decision was the network or a refusal, and stops the session', async () => {
    const offline = server(new PlexError({ kind: 'offline', message: 'no network' }));
    expect(await downloadFrom(flac, '128', offline.plex)).toEqual({ ok: false, unreachable: true });
    await vi.waitFor(() => expect(offline.calls).toEqual(['decision 128', 'stop']));
    const refused = server(
      new PlexError({ kind: 'server-error', message: 'cannot convert', status: 500 }),
    );
    expect(await downloadFrom(flac, '128', refused.plex)).toEqual({
      ok: false,
      unreachable: false,
    });
  });

  it('is nothing for a track with no file', async () => {
    expect(await downloadFrom({ ...flac, media: null }, 'original', server().plex)).toBeNull();
  });
});
