import type { FakePlexModel, FakeServer } from './model';
import { pmsLibraryRoute } from './pms-library';
import { pmsStreamRoute } from './pms-stream';
import { pmsTranscoderRoute } from './pms-transcoder';
import { pmsPlayQueuesRoute } from './pms-play-queues';
import { pmsSessionsRoute } from './pms-sessions';
import { plexBody, plexParam } from './respond';

/** A Plex Media Server, answering on each of its connections. */
export function pmsRoute(
  model: FakePlexModel,
  server: FakeServer,
  request: Request,
  url: URL,
): Response | null {
  if (url.pathname === '/identity') {
    return plexBody(request, 'MediaContainer', {
      MediaContainer: {
        size: 0,
        apiVersion: '1.1.1',
        claimed: true,
        machineIdentifier: server.machineIdentifier,
        version: '1.41.3.9314-a0bfb8370',
      },
    });
  }

  const token = plexParam(request, url, 'X-Plex-Token');
  // A server accepts its own access token, and its owner's account token.
  const accepted =
    token !== null &&
    (token === server.accessToken || (server.owned && token === model.user.token)) &&
    !model.revokedTokens.has(token);
  if (!accepted) {
    // Real servers answer a refused token with CORS for app.plex.tv only (docs/plex-api.md
    // "Failures to expect", ricoloic/plexy#4): from any other origin the browser hides the 401 and
    // fetch fails as if the server were unreachable.
    return new Response(
      '<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>',
      {
        status: 401,
        headers: {
          'Content-Type': 'text/html',
          'Access-Control-Allow-Origin': 'https://app.plex.tv',
        },
      },
    );
  }

  if (url.pathname === '/library/sections' && request.method === 'GET') {
    return plexBody(request, 'MediaContainer', {
      MediaContainer: {
        size: server.sections.length,
        allowSync: false,
        title1: 'Plex Library',
        Directory: server.sections.map((section, i) => ({
          refreshing: (server.library.scanningUntil.get(section.key) ?? 0) > Date.now(),
          allowSync: true,
          art: `/:/resources/${section.type}-fanart.jpg`,
          key: section.key,
          type: section.type,
          title: section.title,
          agent: section.type === 'artist' ? 'tv.plex.agents.music' : 'tv.plex.agents.movie',
          scanner: section.type === 'artist' ? 'Plex Music' : 'Plex Movie',
          language: 'en-US',
          uuid: `${server.machineIdentifier}-section-${i}`,
          updatedAt: 1732000000,
          scannedAt: 1732000000,
          Location: [{ id: i + 1, path: `/data/${section.title}` }],
        })),
      },
    });
  }

  return (
    pmsStreamRoute(server, request, url) ??
    pmsTranscoderRoute(server, request, url) ??
    pmsPlayQueuesRoute(server, request, url) ??
    pmsSessionsRoute(server, request, url) ??
    pmsLibraryRoute(server, request, url)
  );
}
