import { onlineManager, QueryClient } from '@tanstack/react-query';
import { clear } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appStore, idbGet, idbSet } from './idb';
import { savedWritesOnDevice, watchSavedWrites } from './saved-writes';
import { SAVED_WRITES_KEY, writeKeys, type RateTrack } from './server-writes';

const rating = (serverId: string, trackId: string): RateTrack => ({
  userId: 1,
  serverId,
  trackId,
  title: `T${trackId}`,
  rating: 6,
});

/** A client whose rate writes go to `sent` (and pause while offline). */
function client(sent: RateTrack[]) {
  const queryClient = new QueryClient();
  queryClient.setMutationDefaults<unknown, Error, RateTrack>(writeKeys.rate, {
    mutationFn: (v) => {
      sent.push(v);
      return Promise.resolve();
    },
  });
  queryClient.mount();
  return queryClient;
}
const saved = async () => (await savedWritesOnDevice()).map(({ write }) => write);
/** IndexedDB answers in its own time: wait for what it holds, as waitFor does for the screen. */
const until = (check: () => Promise<boolean>) =>
  vi.waitFor(async () => expect(await check()).toBe(true));

beforeEach(async () => {
  onlineManager.setOnline(true);
  await clear(appStore());
});
afterEach(() => onlineManager.setOnline(true));

describe('writes saved on the device', () => {
  it('keeps the paused ones, and sends each only to its own server after a reload', async () => {
    const before = client([]);
    const watching = watchSavedWrites(before);
    onlineManager.setOnline(false);
    for (const write of [rating('s1', '7'), rating('s2', '8')])
      void before.getMutationCache().build(before, { mutationKey: writeKeys.rate }).execute(write);
    await until(async () => (await saved()).length === 2);
    watching.stop();
    before.unmount();

    const sent: RateTrack[] = [];
    const after = client(sent);
    const restored: unknown[] = [];
    const again = watchSavedWrites(after);
    await again.restore({ userId: 1, serverId: 's1' }, (_kind, v) => restored.push(v));
    expect(restored).toEqual([rating('s1', '7')]);
    expect(sent).toEqual([]);
    onlineManager.setOnline(true);
    await until(async () => sent.length === 1);
    expect(sent).toEqual([rating('s1', '7')]);
    // Sent, it leaves the list; the other server's stays until that server is connected.
    await until(async () => (await saved()).length === 1);
    expect(JSON.stringify(await saved())).toContain('"serverId":"s2"');

    // Signed back in without a reload: a second watcher doesn't put back what is here.
    onlineManager.setOnline(false);
    void after
      .getMutationCache()
      .build(after, { mutationKey: writeKeys.rate })
      .execute(rating('s1', '9'));
    await until(async () => (await saved()).length === 2);
    const twice = watchSavedWrites(after);
    await twice.restore({ userId: 1, serverId: 's1' }, (_kind, v) => restored.push(v));
    expect(
      after
        .getMutationCache()
        .getAll()
        .filter((m) => m.state.isPaused),
    ).toHaveLength(1);
    again.stop();
    twice.stop();
    after.unmount();
  });

  it("keeps both tabs' writes: one tab's save never drops what another saved", async () => {
    const first = client([]);
    const second = client([]);
    const watchingFirst = watchSavedWrites(first);
    const watchingSecond = watchSavedWrites(second);
    // Both tabs are connected to the server (nothing of theirs to put back yet).
    await watchingFirst.restore({ userId: 1, serverId: 's1' }, () => undefined);
    await watchingSecond.restore({ userId: 1, serverId: 's1' }, () => undefined);
    onlineManager.setOnline(false);
    void first
      .getMutationCache()
      .build(first, { mutationKey: writeKeys.rate })
      .execute(rating('s1', '7'));
    await until(async () => (await saved()).length === 1);
    void second
      .getMutationCache()
      .build(second, { mutationKey: writeKeys.rate })
      .execute(rating('s1', '8'));
    await until(async () => (await saved()).length === 2);
    // The first tab is closed before the network returns: its rating is still on the device.
    watchingFirst.stop();
    first.unmount();
    const tracks = (await saved()).map((w) => JSON.stringify(w));
    expect(tracks.some((w) => w.includes('"trackId":"7"'))).toBe(true);
    expect(tracks.some((w) => w.includes('"trackId":"8"'))).toBe(true);
    watchingSecond.stop();
    second.unmount();
  });

  it('reads the whole list an older version kept under one key, and sends what is in it', async () => {
    const older = { kind: 'rate', variables: rating('s1', '5'), submittedAt: Date.now() - 60_000 };
    await idbSet(SAVED_WRITES_KEY, [older]);
    const sent: RateTrack[] = [];
    const reloaded = client(sent);
    const watching = watchSavedWrites(reloaded);
    const restored: unknown[] = [];
    await watching.restore({ userId: 1, serverId: 's1' }, (_kind, v) => restored.push(v));
    expect(restored).toEqual([rating('s1', '5')]);
    await until(async () => sent.length === 1);
    await until(async () => (await saved()).length === 0);
    expect(await idbGet(SAVED_WRITES_KEY)).toBeUndefined();
    watching.stop();
    reloaded.unmount();
  });
});
