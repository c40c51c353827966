import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlexTvClient } from '../../lib/plex/plex-tv-client';
import type { FetchLike } from '../../lib/plex/request';
import { testClientInfo } from '../../testing/fixtures';
import { beginSignIn, clearPendingPins, completeSignIn, loadPendingPins } from './sign-in';

/** plex.tv's own clock: the PIN is made at noon and lives 15 minutes (its `expiresIn`). */
const SERVER_NOON = Date.parse('2026-12-06T12:00:00Z');
const LIFETIME_S = 900;
const HOUR = 3_600_000;

/** Just enough of plex.tv for a PIN sign-in, on its own clock (`serverNow`). */
function plexTv(serverNow: () => number) {
  const asked: string[] = [];
  let claimed = false;
  const pin = () => {
    const left = Math.max(0, Math.round((SERVER_NOON + LIFETIME_S * 1000 - serverNow()) / 1000));
    return {
      id: 7,
      code: 'strong-code',
      createdAt: new Date(SERVER_NOON).toISOString(),
      expiresAt: new Date(SERVER_NOON + LIFETIME_S * 1000).toISOString(),
      expiresIn: left,
      authToken: claimed ? 'the-token' : null,
    };
  };
  const fetchImpl: FetchLike = async (input) => {
    const url = new URL(input);
    asked.push(url.pathname);
    if (url.pathname === '/api/v2/pins') return Response.json(pin(), { status: 201 });
    if (url.pathname === '/api/v2/pins/7')
      return pin().expiresIn > 0 ? Response.json(pin()) : new Response('', { status: 404 });
    if (url.pathname === '/api/v2/user') return Response.json({ id: 1, uuid: 'u', username: 'jo' });
    return new Response('', { status: 404 });
  };
  const client = new PlexTvClient({
    endpoints: {
      plexTv: 'https://plex.tv',
      clients: 'https://clients.plex.tv',
      app: 'https://app.plex.tv',
    },
    client: testClientInfo,
    fetchImpl,
  });
  return { client, asked, claim: () => void (claimed = true) };
}

beforeEach(() => clearPendingPins());
afterEach(() => vi.useRealTimers());

describe('a sign-in on a device whose clock is off', () => {
  it.each([
    ['2 hours ahead', 2 * HOUR],
    ['2 hours behind', -2 * HOUR],
  ])('with the clock %s, still signs in', async (_name, skew) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SERVER_NOON + skew);
    const plex = plexTv(() => Date.now() - skew);
    await beginSignIn(plex.client, 'https://app.example/sign-in/return');

    // Five minutes on app.plex.tv, then back.
    vi.setSystemTime(SERVER_NOON + skew + 5 * 60_000);
    plex.claim();
    expect(await completeSignIn(plex.client)).toMatchObject({
      status: 'signed-in',
      token: 'the-token',
    });
  });

  it.each([
    ['2 hours ahead', 2 * HOUR],
    ['2 hours behind', -2 * HOUR],
  ])('with the clock %s, still lets the PIN go after expiresIn', async (_name, skew) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SERVER_NOON + skew);
    const plex = plexTv(() => Date.now() - skew);
    await beginSignIn(plex.client, 'https://app.example/sign-in/return');

    vi.setSystemTime(SERVER_NOON + skew + (LIFETIME_S - 10) * 1000);
    expect((await loadPendingPins()).pins).toHaveLength(1);
    vi.setSystemTime(SERVER_NOON + skew + (LIFETIME_S + 1) * 1000);
    plex.asked.length = 0;
    expect(await completeSignIn(plex.client)).toEqual({ status: 'expired' });
    // Known to be gone: plex.tv isn't asked about it.
    expect(plex.asked).toEqual([]);
  });
});
