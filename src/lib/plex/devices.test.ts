import { describe, expect, it } from 'vitest';
import { deviceIdOf } from './devices';

const list = `<?xml version="1.0" encoding="UTF-8"?>
<MediaContainer size="2">
  <Device name="Living Room" product="Plex Media Server" clientIdentifier="server-1" id="11" token="t1" />
  <Device name="PlexM8 on Chrome" product="PlexM8" clientIdentifier="browser-7" id="734501" token="t2">
    <Connection uri="http://192.168.1.2:32400"/>
  </Device>
</MediaContainer>`;

describe('deviceIdOf', () => {
  it('finds this browser by the client identifier it signed in with', () => {
    expect(deviceIdOf(list, 'browser-7')).toBe('734501');
  });

  it('is null when the browser is no longer listed, or the answer is not the list', () => {
    expect(deviceIdOf(list, 'browser-8')).toBeNull();
    expect(deviceIdOf('<html><body>Sign in</body>', 'browser-7')).toBeNull();
    expect(deviceIdOf('{"errors":[]}', 'browser-7')).toBeNull();
  });

  it('never builds a path from an id that is not a number', () => {
    const odd = '<MediaContainer><Device clientIdentifier="b" id="../users/1" /></MediaContainer>';
    expect(deviceIdOf(odd, 'b')).toBeNull();
  });
});
