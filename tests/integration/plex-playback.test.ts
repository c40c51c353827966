// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { createFakePlex } from '../fake-plex/handler';
import { pmsOnFake } from './pms-on-fake';
import { playbackOf } from '../../src/lib/plex/playback';
import { playQueuesOf } from '../../src/lib/plex/play-queues';
import { MUSIC_PROFILE } from '../../src/lib/plex/transcode';

function setup() {
  const { fake, server, client, origin } = pmsOnFake();
  const alac = server.library.tracks.find((t) => t.file.codec === 'alac');
  if (!alac) throw new Error('no ALAC track');
  return { fake, server, client, origin, alac };
}

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('the transcoder, as PlexM8 asks for it', () => {
  it('builds decision and start from the same session, with the music profile and the offset', async () => {
    const { client, fake, alac } = setup();
    const request = { trackId: alac.ratingKey, kbps: 192, session: 'sess-1', offsetMs: 65_400 };
    await playbackOf(client).transcodeDecision(request);
    const decision = fake.requests.find((r) => r.path.endsWith('/decision'));
    expect(decision?.query).toMatchObject({
      path: `/library/metadata/${alac.ratingKey}`,
      mediaIndex: '0',
      partIndex: '0',
      protocol: 'http',
      directPlay: '0',
      directStream: '0',
      musicBitrate: '192',
      session: 'sess-1',
      transcodeSessionId: 'sess-1',
      'X-Plex-Session-Identifier': 'sess-1',
      // The profile's own = and & arrive intact (the query string encodes them).
      'X-Plex-Client-Profile-Extra': MUSIC_PROFILE,
      'X-Plex-Platform': 'Chrome',
    });
    const start = playbackOf(client).transcodeUrl(request);
    expect(new URL(start).pathname).toBe('/music/:/transcode/universal/start.mp3');
    // The transcoder starts at whole seconds.
    expect(query(start)).toMatchObject({ session: 'sess-1', offset: '65', musicBitrate: '192' });
    expect(query(playbackOf(client).stopTranscodeUrl('sess-1'))).toMatchObject({
      session: 'sess-1',
    });
  });

  it('is refused by the server without a decision, and streams chunked with one', async () => {
    const { client, fake, alac } = setup();
    const request = { trackId: alac.ratingKey, kbps: 320, session: 'sess-2' };
    const refused = await fake.handle(new Request(playbackOf(client).transcodeUrl(request)));
    expect(refused.status).toBe(400);
    await playbackOf(client).transcodeDecision(request);
    const stream = await fake.handle(
      new Request(playbackOf(client).transcodeUrl(request), { headers: { Range: 'bytes=100-' } }),
    );
    expect(stream.status).toBe(200);
    expect(stream.headers.get('Content-Length')).toBeNull();
    expect(stream.headers.get('Accept-Ranges')).toBeNull();
    const whole = new Uint8Array(await stream.arrayBuffer());
    // MPEG audio from its first byte (the Range was ignored), no ID3 tag, no XING header.
    expect([whole[0], (whole[1] ?? 0) & 0xe0]).toEqual([0xff, 0xe0]);
    const later = await fake.handle(
      new Request(playbackOf(client).transcodeUrl({ ...request, offsetMs: 4_000 })),
    );
    expect((await later.arrayBuffer()).byteLength).toBeLessThan(whole.byteLength * 0.6);
    await playbackOf(client).stopTranscode('sess-2');
    expect(setupSessions(fake).get('sess-2')?.stoppedAt).not.toBeNull();
  });
});

const setupSessions = (fake: ReturnType<typeof createFakePlex>) =>
  fake.model.servers[0]?.transcoder.sessions ?? new Map();

describe('what Plex hears', () => {
  it('sends a timeline with the play-queue item and the player session, time clamped', async () => {
    const { client, fake } = setup();
    await playbackOf(client).timeline({
      trackId: '1002',
      state: 'playing',
      timeMs: 9_999,
      durationMs: 8_046.4,
      playQueueItemId: 41_007,
      sessionId: 'tab-1',
    });
    const sent = fake.requests.find((r) => r.path === '/:/timeline');
    expect(sent?.query).toMatchObject({
      ratingKey: '1002',
      key: '/library/metadata/1002',
      state: 'playing',
      time: '8046',
      duration: '8046',
      playQueueItemID: '41007',
      'X-Plex-Session-Identifier': 'tab-1',
      'X-Plex-Client-Identifier': 'client-1',
    });
  });

  it('clears a rating with -1 and sets one on 0–10', async () => {
    const { client, server } = setup();
    const track = server.library.tracks[0];
    if (!track) throw new Error('no track');
    await playbackOf(client).rate(track.ratingKey, 8);
    expect(track.userRating).toBe(8);
    await playbackOf(client).rate(track.ratingKey, null);
    expect(track.userRating).toBeUndefined();
  });

  it('makes play queues from a playlist or ids, and reads windows of them', async () => {
    const { client } = setup();
    const made = await playQueuesOf(client).create({ kind: 'playlist', id: '9004' }, '1010');
    // 20,000 items: the answer is a window, placed by the selected item's offset.
    expect(made.totalCount).toBe(20_000);
    expect(made.items.length).toBeLessThanOrEqual(100);
    const selected = made.items.findIndex((i) => i.trackId === '1010');
    expect(made.firstOffset + selected).toBe(7);
    const ids = await playQueuesOf(client).create(
      { kind: 'tracks', ids: ['1004', '1002'] },
      '1002',
    );
    expect(ids.items.map((i) => i.trackId)).toEqual(['1004', '1002']);
    const first = ids.items[0];
    if (!first) throw new Error('empty queue');
    const after = await playQueuesOf(client).itemsAfter(
      ids.queueId,
      { itemId: first.itemId, offset: 0 },
      10,
    );
    expect(after.firstOffset).toBe(0);
    expect(after.items.map((i) => i.trackId)).toEqual(['1004', '1002']);
  });
});
