// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createFakePlex } from './handler';
import { LIVING_ROOM_ID, hostnameScenario } from './scenarios';

const cid = 'X-Plex-Client-Identifier=test-client';
const json = { Accept: 'application/json' };

function setup() {
  const fake = createFakePlex(hostnameScenario());
  const local = fake.model.servers[0]?.connections[0]?.uri ?? '';
  return { fake, local };
}

describe('fake Plex', () => {
  it('answers XML unless asked for JSON, like the real server', async () => {
    const { fake, local } = setup();
    const xml = await fake.handle(new Request(`${local}/identity`));
    expect(xml.headers.get('Content-Type')).toContain('text/xml');
    expect(await xml.text()).toContain(`machineIdentifier="${LIVING_ROOM_ID}"`);
    const body = await (
      await fake.handle(new Request(`${local}/identity`, { headers: json }))
    ).json();
    expect(body.MediaContainer.machineIdentifier).toBe(LIVING_ROOM_ID);
  });

  it('requires a client identifier on plex.tv', async () => {
    const { fake } = setup();
    const res = await fake.handle(
      new Request('https://plex.tv/api/v2/pins?strong=true', { method: 'POST', headers: json }),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe(1000);
  });

  it('runs the PIN flow: created unclaimed, claimed on approval, gone when expired', async () => {
    const { fake } = setup();
    const created = await fake.handle(
      new Request(`https://plex.tv/api/v2/pins?strong=true&${cid}`, {
        method: 'POST',
        headers: json,
      }),
    );
    expect(created.status).toBe(201);
    const pin = await created.json();
    expect(pin.authToken).toBeNull();
    expect(fake.approve(pin.code)).toBe(true);
    const checked = await (
      await fake.handle(
        new Request(`https://plex.tv/api/v2/pins/${pin.id}?${cid}`, { headers: json }),
      )
    ).json();
    expect(checked.authToken).toBe(fake.model.user.token);
    for (const stored of fake.model.pins.values()) stored.expiresAt = 0;
    const gone = await fake.handle(
      new Request(`https://plex.tv/api/v2/pins/${pin.id}?${cid}`, { headers: json }),
    );
    expect(gone.status).toBe(404);
  });

  it('refuses preflights on plex.tv, as browsers have seen', async () => {
    const { fake } = setup();
    const res = await fake.handle(
      new Request('https://plex.tv/api/v2/user', { method: 'OPTIONS' }),
    );
    expect(res.status).toBe(403);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('applies fault switches: 429 with Retry-After a limited number of times', async () => {
    const { fake, local } = setup();
    fake.faults.add({ kind: 'status', status: 429, retryAfter: '2', path: '/identity', times: 1 });
    const first = await fake.handle(new Request(`${local}/identity`, { headers: json }));
    expect(first.status).toBe(429);
    expect(first.headers.get('Retry-After')).toBe('2');
    const second = await fake.handle(new Request(`${local}/identity`, { headers: json }));
    expect(second.status).toBe(200);
  });

  it('hangs a dead connection until the client gives up', async () => {
    const { fake, local } = setup();
    fake.faults.add({ kind: 'hang', origin: local });
    const controller = new AbortController();
    const pending = fake.handle(new Request(`${local}/identity`, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow('client went away');
  });

  it('rejects a PMS request without a valid token and lists sections with one', async () => {
    const { fake, local } = setup();
    expect(
      (await fake.handle(new Request(`${local}/library/sections`, { headers: json }))).status,
    ).toBe(401);
    const token = fake.model.servers[0]?.accessToken;
    const res = await fake.handle(
      new Request(`${local}/library/sections?X-Plex-Token=${token}`, { headers: json }),
    );
    const body = await res.json();
    expect(body.MediaContainer.Directory.map((d: { title: string }) => d.title)).toEqual([
      'Music',
      'Movies',
      'Audiobooks',
    ]);
  });
});
