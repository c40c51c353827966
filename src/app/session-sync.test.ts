import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlayerStore } from '../features/player';
import { storageName } from '../lib/storage-names';
import { reopenWritesForTests, writesAllowed } from '../lib/write-gate';
import { idbGet, idbSet } from '../lib/idb';
import { announceSigningOut, listenForSessionChanges, signedOutHere } from './session-sync';

/** Another tab of the same build. */
const otherTab = () => new BroadcastChannel(storageName('session'));
/** Room for a message to arrive, where the test checks that nothing came of it. */
const delivered = () => new Promise((done) => setTimeout(done, 100));

describe('a sign-out in another tab', () => {
  afterEach(reopenWritesForTests);

  it('stops the music and every write here, then loads the page again once the wipe is done', async () => {
    const reload = vi.fn();
    const stop = listenForSessionChanges(reload);
    usePlayerStore.setState({ wantsToPlay: true, status: 'playing' });
    const tab = otherTab();
    tab.postMessage('signing-out');
    await vi.waitFor(() => expect(writesAllowed()).toBe(false));
    expect(usePlayerStore.getState().wantsToPlay).toBe(false);
    // What this page still holds can't land on disk after the other tab's wipe.
    await idbSet('player-position', { uid: 'a', positionMs: 5 });
    expect(await idbGet('player-position')).toBeUndefined();
    expect(reload).not.toHaveBeenCalled();
    tab.postMessage('session-changed');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    tab.close();
    stop();
  });

  it('loads the page again even if the signing-out tab never finishes (closed mid-wipe)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const reload = vi.fn();
    const stop = listenForSessionChanges(reload);
    const tab = otherTab();
    tab.postMessage('signing-out');
    await vi.waitFor(() => expect(writesAllowed()).toBe(false));
    vi.advanceTimersByTime(29_000);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(reload).toHaveBeenCalledOnce();
    tab.close();
    stop();
  });

  it('does not close the writes of a tab that is signing out itself', async () => {
    const reload = vi.fn();
    const stop = listenForSessionChanges(reload);
    // This tab saw the revoked token too, and is wiping: it must still write the empty session.
    announceSigningOut();
    const tab = otherTab();
    tab.postMessage('signing-out');
    await delivered();
    await idbSet('player-position', { uid: 'a', positionMs: 5 });
    expect(writesAllowed()).toBe(true);
    expect(await idbGet('player-position')).toEqual({ uid: 'a', positionMs: 5 });
    signedOutHere();
    tab.close();
    stop();
  });
});
