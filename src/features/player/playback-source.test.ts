import { describe, expect, it, vi } from 'vitest';
import { aTrack } from '../../testing/data-generators';
import { PlexError } from '../../lib/plex/errors';
import { planStream, streamSource, transcodedSource, type StreamServer } from './playback-source';

const track = (codec: string, bitrate: number, container = codec) =>
  aTrack({
    id: '7',
    durationMs: 200_000,
    media: { partId: 70, partKey: '/library/parts/70/file', codec, container, bitrate },
  });
/** Chromium's answers: no ALAC. */
const chromium = (mime: string) => (mime.includes('alac') ? '' : 'probably');

describe('which stream a track gets', () => {
  const flac = track('flac', 1_800);
  const mp3 = track('mp3', 256);
  const alac = track('alac', 900, 'mp4');

  it('Auto plays originals on the local network and over the internet', () => {
    for (const tier of ['local', 'remote', null] as const) {
      expect(planStream(flac, 'auto', tier, chromium)).toEqual({ direct: true });
      expect(planStream(mp3, 'auto', tier, chromium)).toEqual({ direct: true });
    }
  });

  it('Auto fits Plex Relay: big files converted to 192 kbps, small ones played as they are', () => {
    expect(planStream(flac, 'auto', 'relay', chromium)).toEqual({ direct: false, kbps: 192 });
    expect(planStream(mp3, 'auto', 'relay', chromium)).toEqual({ direct: true });
    expect(planStream(alac, 'auto', 'relay', chromium)).toEqual({ direct: false, kbps: 192 });
  });

  it('converts what the browser cannot play, at 320 kbps', () => {
    expect(planStream(alac, 'auto', 'local', chromium)).toEqual({ direct: false, kbps: 320 });
    expect(planStream(alac, 'original', 'local', chromium)).toEqual({ direct: false, kbps: 320 });
  });

  it('lets an explicit choice win, without inflating a smaller file', () => {
    expect(planStream(flac, 'original', 'relay', chromium)).toEqual({ direct: true });
    expect(planStream(flac, '128', 'local', chromium)).toEqual({ direct: false, kbps: 128 });
    expect(planStream(mp3, '320', 'relay', chromium)).toEqual({ direct: true });
    expect(planStream(mp3, '192', 'local', chromium)).toEqual({ direct: false, kbps: 192 });
  });
});

function server() {
  const calls: string[] = [];
  const plex: StreamServer = {
    partUrl: (key) => `https://pms${key}`,
    transcodeDecision: vi.fn(async (r) => void calls.push(`decision ${r.session}`)),
    transcodeUrl: (r) =>
      `https://pms/start.mp3?session=${r.session}&offset=${(r.offsetMs ?? 0) / 1000}`,
    stopTranscode: vi.fn(async (session) => void calls.push(`stop ${session}`)),
  };
  let n = 0;
  return { plex, calls, options: { newSession: () => `s${(n += 1)}` } };
}

describe('a transcoded stream', () => {
  it('asks for the decision first, restarts at whole seconds in the same session, and stops once', async () => {
    const { plex, calls, options } = server();
    const result = await transcodedSource(track('alac', 900, 'mp4'), 320, plex, options);
    if (!result.ok) throw new Error(result.reason);
    expect(calls).toEqual(['decision s1']);
    expect(result.source).toMatchObject({
      format: 'mp3',
      transcoded: true,
      kbps: 320,
      offsetMs: 0,
    });
    expect(result.source.durationMs).toBe(200_000);
    const later = result.source.restartAt?.(65_700);
    expect(later?.url).toBe('https://pms/start.mp3?session=s1&offset=65');
    expect(later?.offsetMs).toBe(65_000);
    later?.release?.();
    result.source.release?.();
    expect(calls).toEqual(['decision s1', 'stop s1']);
  });

  it('gives every stream its own session (the playing track and the next never share one)', async () => {
    const { plex, options } = server();
    const a = await transcodedSource(track('alac', 900, 'mp4'), 320, plex, options);
    const b = await transcodedSource(track('alac', 900, 'mp4'), 320, plex, options);
    expect(a.ok && b.ok && a.source.url !== b.source.url).toBe(true);
  });

  it('says so when the server refuses to convert, and leaves no session behind', async () => {
    const { plex, calls, options } = server();
    plex.transcodeDecision = async () => {
      throw new Error('400');
    };
    const result = await transcodedSource(track('alac', 900, 'mp4'), 320, plex, options);
    expect(result).toEqual({
      ok: false,
      reason: "the server couldn't convert it for this browser",
    });
    expect(calls).toEqual(['stop s1']);
  });

  it('plays a file directly with no decision at all', () => {
    const { plex, calls, options } = server();
    const result = streamSource(track('flac', 1_800), 'auto', plex, 'local', chromium, options);
    expect(result).toEqual({
      ok: true,
      source: { url: 'https://pms/library/parts/70/file', format: 'flac', transcoded: false },
    });
    expect(calls).toEqual([]);
  });

  it("waits, rather than skip, when the server can't be reached for the decision", async () => {
    const { plex, options } = server();
    plex.transcodeDecision = async () => {
      throw new PlexError({ kind: 'unreachable', message: "Couldn't reach pms." });
    };
    const result = await transcodedSource(track('alac', 900, 'mp4'), 320, plex, options);
    expect(result).toEqual({ ok: false, reason: "the server can't be reached", waiting: true });
  });
});
