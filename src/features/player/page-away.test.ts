import { describe, expect, it, vi } from 'vitest';
import { PAGE_AWAY_MESSAGE, PAGE_AWAY_PING, pageAwayWorker, sendAsPageLeaves } from './page-away';

describe('requests sent as the page goes away', () => {
  it('go to the service worker when one that answers controls the page (it outlives the page)', () => {
    const postMessage = vi.fn();
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => undefined);
    sendAsPageLeaves(['https://pms/:/timeline?state=stopped'], { postMessage }, { fetch });
    expect(postMessage).toHaveBeenCalledWith({
      type: PAGE_AWAY_MESSAGE,
      urls: ['https://pms/:/timeline?state=stopped'],
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fall back to keepalive fetches without one (an older worker, the dev server)', () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => undefined);
    sendAsPageLeaves(['https://pms/a', 'https://pms/b'], null, { fetch });
    expect(fetch.mock.calls.map((call) => call[0])).toEqual(['https://pms/a', 'https://pms/b']);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({
      keepalive: true,
      mode: 'no-cors',
      referrerPolicy: 'no-referrer',
    });
  });

  it('are trusted to a worker only once it has answered that it sends them (an older one would not)', async () => {
    const answers = { current: true };
    const worker = {
      postMessage: (message: { type: string }, ports?: MessagePort[]) => {
        if (message.type === PAGE_AWAY_PING && answers.current) ports?.[0]?.postMessage('pong');
      },
    };
    const container = Object.assign(new EventTarget(), { controller: worker });
    const ready = pageAwayWorker(container as unknown as ServiceWorkerContainer);
    expect(ready()).toBeNull();
    await vi.waitFor(() => expect(ready()).toBe(worker));
    // Another worker (one without the handler) takes over: not trusted until it answers.
    answers.current = false;
    container.controller = { ...worker };
    container.dispatchEvent(new Event('controllerchange'));
    // Time passing is the check here: nothing answers, so nothing may come to trust it.
    await new Promise((r) => setTimeout(r, 20));
    expect(ready()).toBeNull();
  });
});
