import { describe, expect, it } from 'vitest';
import { mapResources } from './map-resources';

const device = (connections: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'Living Room',
  clientIdentifier: 'abc',
  provides: 'server',
  accessToken: 'server-token',
  owned: true,
  connections,
  ...extra,
});
const connection = (uri: string, extra: Record<string, unknown> = {}) => ({
  uri,
  local: false,
  relay: false,
  IPv6: false,
  ...extra,
});

describe('mapResources', () => {
  it('uses only http(s) connections: no javascript:, file: or data: from a resource', () => {
    const { servers } = mapResources(
      [
        device([
          connection('javascript:alert(1)'),
          connection('file:///etc/passwd'),
          connection('data:text/html,<script>alert(1)</script>'),
          connection('not a url'),
          connection('https://10-0-0-2.abc.plex.direct:32400', { local: true }),
          connection('http://192.168.1.2:32400/some/path?x=1', { local: true }),
        ]),
      ],
      'account-token',
    );
    expect(servers[0]?.connections.map((c) => c.uri)).toEqual([
      'https://10-0-0-2.abc.plex.direct:32400',
      // Only the origin: a path or query in a resource is never carried along.
      'http://192.168.1.2:32400',
    ]);
  });

  it('skips what is not a server, and counts devices it could not read', () => {
    const { servers, skipped } = mapResources(
      [
        device([], { provides: 'client,player' }),
        { name: 'no id' },
        device([connection('https://relay.plex.direct:8443')], {
          clientIdentifier: 'def',
          name: '<img src=x onerror=alert(1)> ‏مكتبتي 🎵',
        }),
      ],
      'account-token',
    );
    expect(skipped).toBe(1);
    expect(servers.map((s) => s.id)).toEqual(['def']);
    // Names are data: kept exactly, rendered as text by the screens.
    expect(servers[0]?.name).toBe('<img src=x onerror=alert(1)> ‏مكتبتي 🎵');
  });

  it('keeps a server whose resource has nulls where PlexM8 needs nothing', () => {
    const { servers, skipped } = mapResources(
      [
        device(
          [connection('https://10-0-0-2.abc.plex.direct:32400', { local: null, port: null })],
          {
            platform: null,
            platformVersion: null,
            device: null,
            productVersion: null,
            presence: null,
          },
        ),
        // Off for months: plex.tv lists it with no connections at all.
        device(null as unknown as unknown[], { clientIdentifier: 'laptop', name: 'Old Laptop' }),
      ],
      'account-token',
    );
    expect(skipped).toBe(0);
    expect(servers.map((s) => s.name)).toEqual(['Living Room', 'Old Laptop']);
    expect(servers[0]).toMatchObject({ platform: undefined, productVersion: undefined });
    expect(servers[0]?.connections[0]).toMatchObject({ local: false, port: 32400 });
    expect(servers[1]?.connections).toEqual([]);
  });

  it('gives the account token only to a server the user owns', () => {
    const { servers, skipped } = mapResources(
      [
        device([], { clientIdentifier: 'mine', accessToken: null, owned: true }),
        device([], { clientIdentifier: 'friend', accessToken: 'friend-token', owned: false }),
        // Shared but with no token of its own: never handed the account's.
        device([], { clientIdentifier: 'stranger', accessToken: null, owned: false }),
      ],
      'account-token',
    );
    expect(servers.map((s) => [s.id, s.accessToken])).toEqual([
      ['mine', 'account-token'],
      ['friend', 'friend-token'],
    ]);
    expect(skipped).toBe(1);
  });
});
