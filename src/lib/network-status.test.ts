import { describe, expect, it, vi } from 'vitest';
import { createNetworkStatus } from './network-status';

const PLEX_TV = 'https://plex.tv';
const LOCAL = 'https://192-168-1-5.abc.plex.direct:32400';
const RELAY = 'https://10-0-0-1.abc.plex.direct:8443';

function setup({
  answering = new Set<string>(),
  browserOnline = true,
}: { answering?: Set<string>; browserOnline?: boolean } = {}) {
  const asked: string[] = [];
  const browser = { online: browserOnline };
  const status = createNetworkStatus({
    canaries: [PLEX_TV],
    answers: (origin) => {
      asked.push(origin);
      return Promise.resolve(answering.has(origin));
    },
    browserOnline: () => browser.online,
    recheckMs: 15_000,
  });
  const seen: boolean[] = [];
  status.subscribe(() => seen.push(status.isUp()));
  return { status, asked, seen, answering, browser };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('network status: navigator.onLine is unreliable when true', () => {
  it('counts itself offline when every host it tried fails and none answers even without CORS', async () => {
    const { status, asked, seen } = setup();
    status.failed(LOCAL);
    await settle();
    expect(status.isUp()).toBe(true); // one dead address is a dead address, not no network
    status.failed(PLEX_TV);
    await settle();
    expect(status.isUp()).toBe(false);
    expect(seen).toEqual([false]);
    expect(asked.sort()).toEqual([LOCAL, PLEX_TV].sort());
  });

  it('stays online when plex.tv answers: only the server is down or refusing us', async () => {
    const { status, seen } = setup({ answering: new Set([PLEX_TV]) });
    status.failed(LOCAL);
    status.failed(RELAY);
    await settle();
    expect(status.isUp()).toBe(true);
    expect(seen).toEqual([]);
  });

  it('stays online when a failing server answers a no-cors request (it refuses CORS, the network works)', async () => {
    const { status } = setup({ answering: new Set([RELAY]) });
    status.failed(RELAY);
    status.failed(LOCAL);
    await settle();
    expect(status.isUp()).toBe(true);
  });

  it('an answer from anywhere in between means the network works', async () => {
    const { status, asked } = setup();
    status.failed(LOCAL);
    status.answered(PLEX_TV);
    status.failed(RELAY);
    await settle();
    expect(status.isUp()).toBe(true);
    expect(asked).toEqual([]);
  });

  it('comes back at the first answer, or when a later check gets one', async () => {
    vi.useFakeTimers();
    const { status, seen, answering } = setup();
    status.failed(LOCAL);
    status.failed(PLEX_TV);
    await vi.advanceTimersByTimeAsync(0);
    expect(status.isUp()).toBe(false);

    await vi.advanceTimersByTimeAsync(15_000);
    expect(status.isUp()).toBe(false); // still nothing answers
    answering.add(PLEX_TV);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(status.isUp()).toBe(true);
    expect(seen).toEqual([false, true]);

    status.failed(LOCAL);
    answering.clear();
    status.failed(PLEX_TV);
    await vi.advanceTimersByTimeAsync(0);
    expect(status.isUp()).toBe(false);
    status.answered(LOCAL);
    expect(status.isUp()).toBe(true);
  });

  it('checks again at once when the browser says the network is back', async () => {
    const { status, answering } = setup();
    status.failed(LOCAL);
    status.failed(PLEX_TV);
    await settle();
    answering.add(LOCAL);
    status.recheck();
    await settle();
    expect(status.isUp()).toBe(true);
  });

  it('believes the browser when it says offline, and asks nobody', async () => {
    const { status, asked, browser } = setup({ browserOnline: false });
    expect(status.isUp()).toBe(false);
    status.failed(LOCAL);
    status.failed(PLEX_TV);
    await settle();
    expect(asked).toEqual([]);
    browser.online = true;
    expect(status.isUp()).toBe(true);
  });
});
