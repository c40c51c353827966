import { describe, expect, it, vi } from 'vitest';
import { PAGE_AWAY_MESSAGE, sendAsPageLeaves } from './page-away';

describe('requests sent as the page goes away', () => {
  it('go to the service worker when one controls the page (it outlives the page)', () => {
    const postMessage = vi.fn();
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => undefined);
    sendAsPageLeaves(['https://pms/:/timeline?state=stopped'], {
      controller: () => ({ postMessage }),
      fetch,
    });
    expect(postMessage).toHaveBeenCalledWith({
      type: PAGE_AWAY_MESSAGE,
      urls: ['https://pms/:/timeline?state=stopped'],
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fall back to keepalive fetches without one (a first visit, the dev server)', () => {
    const fetch = vi.fn(async (_url: string, _init: RequestInit) => undefined);
    sendAsPageLeaves(['https://pms/a', 'https://pms/b'], { controller: () => null, fetch });
    expect(fetch.mock.calls.map((call) => call[0])).toEqual(['https://pms/a', 'https://pms/b']);
    expect(fetch.mock.calls[0]?.[1]).toMatchObject({
      keepalive: true,
      mode: 'no-cors',
      referrerPolicy: 'no-referrer',
    });
  });
});
