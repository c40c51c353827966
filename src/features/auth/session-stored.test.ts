import { describe, expect, it } from 'vitest';
import { secretStateStorage, secretWritesSettled } from '../../lib/secret-storage';
import { SESSION_KEY, useSessionStore } from './session-store';

const user = { id: 7, uuid: 'u-7', username: 'ana', title: 'Ana' };
const stored = (state: unknown, version: number) =>
  secretStateStorage.setItem(SESSION_KEY, JSON.stringify({ state, version }));

describe('the session as stored', () => {
  it('keeps the user signed in across the upgrade from the unversioned session', async () => {
    await stored({ token: 'tok-1', user }, 0);
    await useSessionStore.persist.rehydrate();
    expect(useSessionStore.getState()).toMatchObject({ token: 'tok-1', user });
  });

  it('signs out cleanly from a session it cannot read', async () => {
    useSessionStore.setState({ token: null, user: null });
    await secretWritesSettled();
    await stored({ token: 42, user: 'nobody' }, 1);
    await useSessionStore.persist.rehydrate();
    expect(useSessionStore.getState()).toMatchObject({ token: null, user: null });
  });
});
