import { trackJson } from './library-json';
import type { FakeServer } from './model';
import { plexBody, plexParam, text } from './respond';

/**
 * "Now Playing" as a real server keeps it (docs/plex-api.md "What Plex hears"): a timeline
 * makes or updates a session only when it names a play-queue item of a queue this client made
 * and carries an X-Plex-Session-Identifier; `stopped` ends it, and so do 3 minutes of silence
 * (the ghost sessions of clients that never say stopped).
 */
export interface FakeSession {
  clientId: string;
  sessionId: string;
  trackKey: string;
  state: string;
  timeMs: number;
  queueId: number;
  itemId: number;
  lastHeardAt: number;
}

const SESSION_SILENCE_MS = 3 * 60_000;

export interface FakeSessions {
  live: Map<string, FakeSession>;
  /** Every timeline heard, whether or not it made a session (what tests look at). */
  heard: number;
}

export const createSessions = (): FakeSessions => ({ live: new Map(), heard: 0 });

/** The sessions still showing at `now`. */
export function liveSessions(server: FakeServer, now = Date.now()): FakeSession[] {
  for (const [key, session] of server.sessions.live)
    if (now - session.lastHeardAt > SESSION_SILENCE_MS) server.sessions.live.delete(key);
  return [...server.sessions.live.values()];
}

function timeline(server: FakeServer, request: Request, url: URL): Response {
  const time = Number(plexParam(request, url, 'time'));
  const duration = Number(plexParam(request, url, 'duration'));
  // Plex refuses a time past the duration (KODI learned this): so does the fake.
  if (Number.isFinite(time) && Number.isFinite(duration) && duration > 0 && time > duration)
    return text(request, 400, 'time > duration');
  server.sessions.heard += 1;
  const clientId = plexParam(request, url, 'X-Plex-Client-Identifier') ?? '';
  const sessionId = plexParam(request, url, 'X-Plex-Session-Identifier');
  const itemId = Number(url.searchParams.get('playQueueItemID'));
  const state = url.searchParams.get('state') ?? '';
  const queue = [...server.playQueues.queues.values()].find(
    (q) => q.clientId === clientId && q.items.some((i) => i.itemId === itemId),
  );
  if (!sessionId || !queue) return text(request, 200, '');
  const key = `${clientId}/${sessionId}`;
  queue.selectedItemId = itemId;
  if (state === 'stopped') server.sessions.live.delete(key);
  else
    server.sessions.live.set(key, {
      clientId,
      sessionId,
      trackKey: url.searchParams.get('ratingKey') ?? '',
      state,
      timeMs: Number.isFinite(time) ? time : 0,
      queueId: queue.id,
      itemId,
      lastHeardAt: Date.now(),
    });
  return text(request, 200, '');
}

export function pmsSessionsRoute(server: FakeServer, request: Request, url: URL): Response | null {
  if (url.pathname === '/:/timeline') return timeline(server, request, url);
  if (url.pathname !== '/status/sessions') return null;
  const sessions = liveSessions(server);
  return plexBody(request, 'MediaContainer', {
    MediaContainer: {
      size: sessions.length,
      Metadata: sessions.flatMap((s, i) => {
        const track = server.library.find.track(s.trackKey);
        if (!track) return [];
        return [
          {
            ...trackJson(server.library, track),
            sessionKey: String(i + 1),
            viewOffset: s.timeMs,
            playQueueItemID: s.itemId,
            Player: { machineIdentifier: s.clientId, state: s.state, product: 'PlexM8' },
            Session: { id: s.sessionId, location: 'lan' },
          },
        ];
      }),
    },
  });
}
