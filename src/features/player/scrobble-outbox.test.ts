import { describe, expect, it } from 'vitest';
import { createScrobbleOutbox, type PendingScrobble } from './scrobble-outbox';

function setup() {
  let stored: PendingScrobble[] = [];
  let online = false;
  const sent: string[] = [];
  const outbox = createScrobbleOutbox(
    async ({ trackId }) => {
      if (!online) throw new TypeError('offline');
      sent.push(trackId);
    },
    { get: async () => stored, set: async (v) => void (stored = v) },
  );
  return { outbox, sent, goOnline: () => (online = true), stored: () => stored };
}

describe('plays made offline', () => {
  it('are kept and reach Plex when it answers again, in order and once', async () => {
    const { outbox, sent, goOnline, stored } = setup();
    await expect(outbox.scrobble({ serverId: 's', trackId: '1' })).rejects.toThrow();
    await expect(outbox.scrobble({ serverId: 's', trackId: '2' })).rejects.toThrow();
    await outbox.flush();
    expect(sent).toEqual([]);
    expect(stored()).toHaveLength(2);
    goOnline();
    await outbox.flush();
    await outbox.flush();
    expect(sent).toEqual(['1', '2']);
    expect(stored()).toEqual([]);
  });

  it("don't wait behind a play made on another server", async () => {
    let stored: PendingScrobble[] = [];
    const sent: string[] = [];
    const outbox = createScrobbleOutbox(
      async ({ serverId, trackId }) => {
        if (serverId !== 'here') throw new Error('not this server');
        sent.push(trackId);
      },
      { get: async () => stored, set: async (v) => void (stored = v) },
    );
    stored = [
      { serverId: 'elsewhere', trackId: '1' },
      { serverId: 'here', trackId: '2' },
    ];
    await outbox.flush();
    expect(sent).toEqual(['2']);
    expect(stored).toEqual([{ serverId: 'elsewhere', trackId: '1' }]);
  });
});
