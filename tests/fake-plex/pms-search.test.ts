// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFakePlex } from './handler';
import { COLLECTOR_ID, loopbackPorts, loopbackScenario } from './scenarios';

interface HubJson {
  type: string;
  size: number;
  more: boolean;
  Metadata: { title: string; reason?: string; reasonTitle?: string; parentTitle?: string }[];
}

const fake = createFakePlex(loopbackScenario(loopbackPorts(40_000)));
const collector = fake.model.servers.find((s) => s.machineIdentifier === COLLECTOR_ID);

async function search(params: string): Promise<HubJson[]> {
  const uri = collector?.connections[0]?.uri ?? '';
  const res = await fake.handle(
    new Request(`${uri}/hubs/search?${params}&X-Plex-Token=${collector?.accessToken ?? ''}`, {
      headers: { Accept: 'application/json' },
    }),
  );
  const body = (await res.json()) as { MediaContainer: { Hub: HubJson[] } };
  return body.MediaContainer.Hub;
}
const hub = (hubs: HubJson[], type: string) => hubs.find((h) => h.type === type);

describe("the Collector's /hubs/search, as a real server answers", () => {
  it('gives three items a hub when no limit is asked for, and says there are more', async () => {
    const hubs = await search('query=lantern&sectionId=1');
    for (const type of ['artist', 'album', 'track'])
      expect(hub(hubs, type)?.Metadata.length).toBe(3);
    expect(hub(hubs, 'track')?.more).toBe(true);
  });

  it('folds accents and case, and answers hubs of types a music player does not show', async () => {
    const hubs = await search('query=zoe&limit=10&sectionId=1');
    expect(hub(hubs, 'artist')?.Metadata[0]?.title).toMatch(/^Zoë & the /);
    const playlists = await search('query=the%20long%20haul&limit=10');
    expect(hub(playlists, 'playlist')?.Metadata[0]?.title).toBe('The Long Haul × 20,000');
  });

  it("brings an artist's albums with the artist, marked as why, and puts exact names first", async () => {
    const artist = collector?.library.find.artists('1', { by: 'title', desc: false }).at(1234);
    const hubs = await search(`query=${encodeURIComponent(artist?.title ?? '')}&limit=20`);
    expect(hubs[0]?.type).toBe('artist');
    expect(hubs[0]?.Metadata[0]?.title).toBe(artist?.title);
    const related = hub(hubs, 'album')?.Metadata.filter((a) => a.reason === 'artist') ?? [];
    expect(related.length).toBeGreaterThan(1);
    expect(related.every((a) => a.parentTitle === artist?.title)).toBe(true);
  });
});
