import type { FakePin, FakePlexModel, FakeServer } from './model';
import { newPinCode } from './model';
import { plexBody, plexErrors, plexParam, text } from './respond';

/** A claimed PIN lingers only seconds on plex.tv (docs/plex-api.md "Sign-in"). */
const CLAIMED_PIN_TTL_MS = 10_000;

function pinJson(pin: FakePin, now: number) {
  return {
    id: pin.id,
    code: pin.code,
    product: 'PlexM8',
    trusted: false,
    qr: `https://plex.tv/api/v2/pins/qr/${pin.code}`,
    clientIdentifier: pin.clientIdentifier,
    location: {
      code: 'NZ',
      country: 'New Zealand',
      city: 'Wellington',
      subdivisions: 'Wellington',
    },
    expiresIn: Math.max(0, Math.round((pin.expiresAt - now) / 1000)),
    createdAt: new Date(pin.createdAt).toISOString(),
    expiresAt: new Date(pin.expiresAt).toISOString(),
    authToken: pin.authToken,
    newRegistration: null,
  };
}

function resourceJson(server: FakeServer) {
  return {
    name: server.name,
    product: 'Plex Media Server',
    productVersion: '1.41.3.9314-a0bfb8370',
    // Real resources carry nulls where a value is unknown (docs/plex-api.md "Servers and
    // connections"): a client that insists on strings here drops the server.
    platform: server.owned ? 'Linux' : null,
    platformVersion: null,
    device: null,
    clientIdentifier: server.machineIdentifier,
    createdAt: '2024-01-01T00:00:00Z',
    lastSeenAt: '2026-11-22T00:00:00Z',
    provides: 'server',
    ownerId: null,
    sourceTitle: server.owned ? null : 'a friend',
    publicAddress: '203.0.113.7',
    accessToken: server.accessToken,
    owned: server.owned,
    home: false,
    synced: false,
    relay: true,
    presence: server.connections.length > 0,
    httpsRequired: false,
    publicAddressMatches: true,
    dnsRebindingProtection: false,
    natLoopbackSupported: true,
    // A server that has not been seen for a long time comes with no connections at all: null.
    connections:
      server.connections.length === 0
        ? null
        : server.connections.map((c) => {
            const url = new URL(c.uri);
            return {
              protocol: url.protocol.replace(':', ''),
              address: url.hostname,
              port: Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
              uri: c.uri,
              local: c.local,
              relay: c.relay,
              IPv6: false,
            };
          }),
  };
}

/** plex.tv and clients.plex.tv: PINs, the account, resources. */
export function plexTvRoute(model: FakePlexModel, request: Request, url: URL): Response | null {
  const now = Date.now();
  const clientId = plexParam(request, url, 'X-Plex-Client-Identifier');
  const needsClient = url.pathname.startsWith('/api/v2/');
  if (needsClient && !clientId) {
    return plexErrors(request, 400, 1000, 'X-Plex-Client-Identifier is missing');
  }

  if (url.pathname === '/api/v2/pins' && request.method === 'POST') {
    const ttl = model.options.pinTtlMs ?? 1_800_000;
    const pin = {
      id: model.nextPinId++,
      code: newPinCode(),
      clientIdentifier: clientId ?? '',
      createdAt: now,
      expiresAt: now + ttl,
      authToken: null,
    };
    model.pins.set(pin.id, pin);
    return plexBody(request, 'pin', pinJson(pin, now), 201);
  }

  const pinMatch = /^\/api\/v2\/pins\/(\d+)$/.exec(url.pathname);
  if (pinMatch && request.method === 'GET') {
    const pin = model.pins.get(Number(pinMatch[1]));
    if (!pin || pin.expiresAt <= now || pin.clientIdentifier !== clientId) {
      return plexErrors(request, 404, 1020, 'Code not found or expired');
    }
    return plexBody(request, 'pin', pinJson(pin, now));
  }

  const token = plexParam(request, url, 'X-Plex-Token');
  const signedIn = token !== null && token === model.user.token && !model.revokedTokens.has(token);

  if (url.pathname === '/api/v2/user' && request.method === 'GET') {
    if (!signedIn) return plexErrors(request, 401, 1001, 'User could not be authenticated');
    const { token: authToken, ...user } = model.user;
    return plexBody(request, 'user', {
      ...user,
      friendlyName: user.title,
      authToken,
      subscription: { active: false, status: 'Inactive', plan: null, features: [] },
      home: false,
      restricted: false,
    });
  }

  if (url.pathname === '/api/v2/resources' && request.method === 'GET') {
    if (!signedIn) return plexErrors(request, 401, 1001, 'User could not be authenticated');
    const devices = [
      // A player device, which PlexM8 must ignore.
      {
        name: 'Living Room TV',
        product: 'Plex for LG',
        clientIdentifier: 'tv-1',
        provides: 'player',
        connections: [],
      },
      ...model.servers.map(resourceJson),
    ];
    return plexBody(request, 'MediaContainer', devices);
  }

  if (url.pathname === '/devices.xml' && request.method === 'GET') {
    if (!signedIn) return plexErrors(request, 401, 1001, 'User could not be authenticated');
    // XML whatever the Accept header says, as plex.tv's own devices.xml is.
    const devices = [...model.devices].map(
      ([clientIdentifier, d]) =>
        `<Device name="${d.name}" product="${d.product}" clientIdentifier="${clientIdentifier}" id="${d.id}" token="${model.user.token}" provides="" />`,
    );
    return text(
      request,
      200,
      `<?xml version="1.0" encoding="UTF-8"?>\n<MediaContainer size="${devices.length}">${devices.join('')}</MediaContainer>`,
      'application/xml; charset=utf-8',
    );
  }

  const deviceMatch = /^\/devices\/(\d+)\.xml$/.exec(url.pathname);
  if (deviceMatch && request.method === 'DELETE') {
    if (!signedIn) return plexErrors(request, 401, 1001, 'User could not be authenticated');
    // No CORS headers: what a browser sees when plex.tv won't answer its preflight.
    if (model.refuseDeviceRemoval) return new Response(null, { status: 403 });
    const entry = [...model.devices].find(([, d]) => d.id === Number(deviceMatch[1]));
    if (!entry) return plexErrors(request, 404, 1020, 'Device not found');
    // Real plex.tv also ends that device's token; the fake's one account token stays valid so a
    // test can sign in again (docs/plex-api.md "Devices").
    model.devices.delete(entry[0]);
    return text(request, 200, '');
  }

  return null;
}

/** The fake's own switches for the auth page and tests (never part of the real API). */
export function approvePin(model: FakePlexModel, code: string): boolean {
  for (const pin of model.pins.values()) {
    if (pin.code === code && pin.expiresAt > Date.now()) {
      pin.authToken = model.user.token;
      if (!model.devices.has(pin.clientIdentifier))
        model.devices.set(pin.clientIdentifier, {
          id: model.nextDeviceId++,
          name: 'PlexM8',
          product: 'PlexM8',
        });
      pin.expiresAt = Math.min(pin.expiresAt, Date.now() + CLAIMED_PIN_TTL_MS);
      return true;
    }
  }
  return false;
}

export function expirePins(model: FakePlexModel): void {
  for (const pin of model.pins.values()) pin.expiresAt = 0;
}
