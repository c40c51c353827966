import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePlayerStore } from '../features/player';
import { storageName } from '../lib/storage-names';
import { reopenWritesForTests, writesAllowed } from '../lib/write-gate';
import { idbGet, idbSet } from '../lib/idb';
import { listenForSessionChanges } from './session-sync';

/** Another tab of the same build. */
const otherTab = () => new BroadcastChannel(storageName('session'));
const delivered = () => new Promise((done) => setTimeout(done, 20));

describe('a sign-out in another tab', () => {
  afterEach(reopenWritesForTests);

  it('stops the music and every write here, then loads the page again once the wipe is done', async () => {
    const reload = vi.fn();
    const stop = listenForSessionChanges(reload);
    usePlayerStore.setState({ wantsToPlay: true, status: 'playing' });
    const tab = otherTab();
    tab.postMessage('signing-out');
    await delivered();
    expect(usePlayerStore.getState().wantsToPlay).toBe(false);
    expect(writesAllowed()).toBe(false);
    // What this page still holds can't land on disk after the other tab's wipe.
    await idbSet('player-position', { uid: 'a', positionMs: 5 });
    expect(await idbGet('player-position')).toBeUndefined();
    expect(reload).not.toHaveBeenCalled();
    tab.postMessage('session-changed');
    await delivered();
    expect(reload).toHaveBeenCalledOnce();
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
    vi.advanceTimersByTime(15_000);
    expect(reload).toHaveBeenCalledOnce();
    tab.close();
    stop();
  });
});
