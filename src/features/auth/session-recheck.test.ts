import { describe, expect, it, vi } from 'vitest';
import { secretWritesSettled } from '../../lib/secret-storage';
import { useSessionStore } from './session-store';

const user = { id: 7, uuid: 'u-7', username: 'ana', title: 'Ana' };
const session = () => useSessionStore.getState();

describe('asking plex.tv again after a 401', () => {
  it('asks at once in a fresh page, then at most once a minute, whatever the wall clock does', async () => {
    // Fake timers start performance.now() at 0, as a page that has just loaded.
    vi.useFakeTimers();
    session().signedIn('tok-1', user);
    session().recheckToken();
    expect(session().tokenCheck).toBe('unchecked');

    session().tokenChecked({ user });
    session().recheckToken();
    expect(session().tokenCheck).toBe('valid');

    // The device's clock is set back an hour: a minute later it asks again all the same.
    vi.setSystemTime(Date.now() - 3_600_000);
    vi.advanceTimersByTime(61_000);
    session().recheckToken();
    expect(session().tokenCheck).toBe('unchecked');
    vi.useRealTimers();
    await secretWritesSettled();
  });
});
