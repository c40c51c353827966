import { statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, DESKTOP, PHONE } from './browser';
import { e2eSuite } from './harness';
import { downloadFromRowActions, openRoadTrip, whenAChunkIsSaved } from './flows';
import { dumpAllStorage } from './idb-dump';
import { screenshot } from './screenshots';
import { e2eDatabase } from './ports';

const suite = e2eSuite();

const usage = (page: Page) =>
  page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
const partRequests = () => suite.fake.requests.filter((r) => r.path.startsWith('/library/parts/'));
/** The server the tests download from: the files' keys start with its machineIdentifier. */
const livingRoom = () => suite.fake.model.servers[0]?.machineIdentifier ?? '';
/** Each stored file, as [key, size]. */
const storedFiles = (page: Page) =>
  page.evaluate(
    (name) =>
      new Promise<Array<[string, number]>>((resolve, reject) => {
        const open = indexedDB.open(name);
        // Not there: nothing stored (and not created here, store-less, for the app to find).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const store = db.transaction('files').objectStore('files');
            const keys = store.getAllKeys();
            const values = store.getAll();
            values.onsuccess = () =>
              resolve(keys.result.map((k, i) => [String(k), (values.result[i] as Blob).size]));
            values.onerror = () => reject(values.error);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          } finally {
            db.close();
          }
        };
      }),
    e2eDatabase('download-files'),
  );
/**
 * What a stored file should weigh: the part's own size for an original; for ALAC (which Chromium
 * can't play, so it is downloaded converted to 320 kbps MP3) the whole transcoded stream.
 */
const partSize = (key: string) => {
  const [part, quality] = (key.split(':')[1] ?? '').split('@');
  const track = suite.fake.model.servers[0]?.library.tracks.find((t) => String(t.partId) === part);
  if (!track) return undefined;
  if (quality === 'original') return track.file.size;
  return track.file.codec === 'alac' && quality === '320'
    ? statSync(track.file.transcodedPath).size
    : undefined;
};
/** Bytes in the files under a folder (0 when it isn't there yet). */
async function bytesUnder(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map((e) =>
        stat(join(e.parentPath, e.name)).then(
          (s) => s.size,
          () => 0,
        ),
      ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
const goTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Main/ }).getByRole('link', { name }).first().click();

describe('downloads for offline play', () => {
  it('downloads a playlist with progress, then plays it through with no network', async () => {
    const open = await suite.open(PHONE);
    const { page, context } = open;
    await openRoadTrip(open.page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const before = await usage(page);
    const count = await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getAttribute('data-count');
    // The first files arrive slowly, so the progress can be seen.
    suite.fake.faults.add({
      kind: 'throttle',
      bytesPerSecond: 40_000,
      path: '/library/parts/',
      times: 3,
    });
    await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
    await page.getByText(new RegExp(`Downloading \\d+ of ${count}`)).waitFor();

    await page.getByRole('link', { name: 'Downloads' }).last().click();
    await page.getByRole('heading', { name: 'Downloads' }).waitFor();
    await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.dl-row progress');
      return bar !== null && bar.value > 0;
    });
    await screenshot(page, 'downloads-progress-phone', false);
    await page.getByText(`${count} of ${count} tracks downloaded`).waitFor({ timeout: 30_000 });
    expect(await page.getByText(`Playlist · ${count} of ${count} tracks`).count()).toBe(1);
    expect(await usage(page)).toBeGreaterThan(before + 1_000_000);
    // Stored by server, part and quality (no URL, so no token, in any key), each file whole.
    const files = await storedFiles(page);
    expect(files).toHaveLength(Number(count));
    for (const [key, size] of files) {
      expect(key).toMatch(new RegExp(`^${livingRoom()}:\\d+@(original|320)$`));
      expect(size).toBe(partSize(key));
    }
    // The ALAC tracks came through the transcoder, each session stopped once it was done.
    const roadTrip = suite.fake.model.servers[0]?.library.playlists[0];
    const alac = Array.from({ length: roadTrip?.size ?? 0 }, (_, i) => roadTrip?.itemAt(i)).filter(
      (t) => t?.file.codec === 'alac',
    );
    expect(alac.length).toBeGreaterThan(0);
    expect(files.filter(([key]) => key.endsWith('@320')).length).toBe(alac.length);
    expect(suite.fake.model.servers[0]?.transcoder.open()).toEqual([]);

    // No network: reload, open the playlist, and play it from the device.
    await context.setOffline(true);
    await page.reload();
    await goTo(page, 'Playlists');
    // The home screen says which playlists are on the device.
    await page
      .getByRole('link', { name: /Road Trip/ })
      .getByText('Downloaded')
      .waitFor();
    expect(await page.locator('.card-downloaded').allInnerTexts()).toEqual(['↓ Downloaded']);
    await screenshot(page, 'offline-playlists-downloaded-phone', false);
    await page.getByRole('link', { name: /Road Trip/ }).click();
    const list = page.getByRole('list', { name: 'Tracks in Road Trip' });
    await list.getByText('Departure Board').waitFor();
    await screenshot(page, 'offline-playlist-phone', false);
    expect(await list.getByRole('img', { name: 'Downloaded' }).count()).toBeGreaterThan(5);
    const streamedBefore = partRequests().length;
    await page.getByRole('button', { name: /Play Departure Board/ }).click();
    await page.getByRole('button', { name: /Open the player/ }).click();
    const seek = page.getByRole('slider', { name: 'Seek' });
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value) >= 1,
      undefined,
      { timeout: 8000 },
    );
    // Near the end: the next downloaded track takes over.
    await seek.fill('7');
    await page
      .getByRole('dialog', { name: 'Now playing' })
      .getByRole('heading', { name: 'Last Tram Home' })
      .waitFor({ timeout: 8000 });
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLInputElement>('.seek-bar input')?.value) >= 1,
      undefined,
      { timeout: 8000 },
    );
    expect(partRequests().length).toBe(streamedBefore);
    // With music, downloads, the query cache and the service worker's caches all filled, no
    // token is anywhere the browser keeps things (keys or values).
    const stored = await dumpAllStorage(page);
    expect(stored).toContain('plexm8-precache');
    expect(stored).toContain('"sealed":1');
    for (const secret of [
      suite.fake.model.user.token,
      ...suite.fake.model.servers.map((s) => s.accessToken),
    ])
      expect(stored.includes(secret)).toBe(false);
    await context.setOffline(false);
  });

  it('carries on after a reload from where an interrupted download stopped', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await openRoadTrip(open.page);
    suite.fake.faults.add({ kind: 'throttle', bytesPerSecond: 25_000, path: '/library/parts/' });
    await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
    const count = await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getAttribute('data-count');
    await goTo(page, 'Downloads');
    // A chunk is saved each second: wait for one, then pull the plug on the page.
    await page
      .getByText(/\d KB of \d/)
      .first()
      .waitFor();
    await whenAChunkIsSaved(page);
    await page.reload();
    suite.fake.faults.clear();
    await page.getByText(`${count} of ${count} tracks downloaded`).waitFor({ timeout: 30_000 });
    // The files cut off by the reload were asked for from where they stopped.
    const resumed = partRequests().filter((r) => /^bytes=[1-9]\d*-$/.test(r.headers.range ?? ''));
    expect(resumed.length).toBeGreaterThan(0);
    // Whole files only: every stored file has its part's exact size, and no chunk is left over.
    const files = await storedFiles(page);
    expect(files).toHaveLength(Number(count));
    for (const [key, size] of files) expect(size).toBe(partSize(key));
  });

  it('deleting downloads gives the space back, on disk and on screen', async () => {
    // A real profile on disk, to weigh what the browser keeps there: the page's own estimate
    // can stay high after deletion (Chromium 150 kept counting until it restarted).
    const profile = await mkdtemp(join(tmpdir(), 'plexm8-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
      ...DESKTOP,
    });
    const idbOnDisk = () => bytesUnder(join(profile, 'Default', 'IndexedDB'));
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await openRoadTrip(page);
      const before = await idbOnDisk();
      await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
      await page.getByText(/^Downloaded \(\d+\)$/).waitFor({ timeout: 30_000 });
      const full = await idbOnDisk();
      expect(full).toBeGreaterThan(before + 1_000_000);
      await goTo(page, 'Downloads');
      const storage = page.getByRole('region', { name: 'Storage' });
      await storage.getByText(/Downloads take \d+(\.\d)? MB on this device/).waitFor();
      await page.getByRole('button', { name: 'Delete all downloads' }).click();
      await page.getByRole('button', { name: 'Yes, delete every download' }).click();
      await page.getByText('Nothing downloaded yet.').waitFor();
      await storage.getByText(/Downloads take no space on this device/).waitFor();
      await expect.poll(idbOnDisk, { timeout: 10_000 }).toBeLessThan(full - 1_000_000);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('says plainly when a server refuses downloads (no CORS), and playing still works', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await openRoadTrip(open.page);
    suite.fake.faults.add({ kind: 'no-cors', path: '/library/parts/' });
    await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
    await goTo(page, 'Downloads');
    await page
      .getByText(/doesn't let the browser download its files/)
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it('downloads and removes a single track from its menu', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    await openRoadTrip(open.page);
    const row = await downloadFromRowActions(page, 'Signal Failure');
    expect(await page.getByRole('img', { name: 'Downloaded' }).count()).toBe(1);
    await row.getByRole('button', { name: 'More for Signal Failure' }).click();
    await row.getByRole('button', { name: 'Remove download' }).click();
    await row.getByRole('img', { name: 'Downloaded' }).waitFor({ state: 'detached' });
    expect((await storedFiles(page)).length).toBe(0);
  });

  it('stops cleanly when storage is full, keeps what finished, and resumes when there is room', async () => {
    const open = await suite.open(DESKTOP);
    const { page } = open;
    // A full disk, simulated where the browser would report it: IndexedDB refusing a write with
    // QuotaExceededError. (Chromium's quota override does not reach test browser contexts.)
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function guarded(this: IDBObjectStore, ...args) {
        if ((window as unknown as { __diskFull?: boolean }).__diskFull && this.name === 'files')
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return put.apply(this, args);
      };
    });
    await openRoadTrip(open.page);
    await downloadFromRowActions(page, 'Signal Failure');

    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
    await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
    await goTo(page, 'Downloads');
    await page.getByText(/Storage is full, so downloads stopped/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'downloads-storage-full-desktop', false);
    // What finished before is still there.
    expect((await storedFiles(page)).map(([key]) => key)).toContain(
      `${livingRoom()}:5004@original`,
    );

    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
    await page.getByRole('button', { name: 'Resume downloads' }).click();
    const count = await page.evaluate(() => document.querySelectorAll('.dl-row').length);
    expect(count).toBeGreaterThan(1);
    await page.getByText(/^(\d+) of \1 tracks downloaded/).waitFor({ timeout: 30_000 });
  });

  it('asks at sign-out whether to keep downloads, and does as told', async () => {
    const open = await suite.open(PHONE);
    const { page } = open;
    await openRoadTrip(open.page);
    const row = await downloadFromRowActions(page, 'Signal Failure');

    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out of PlexM8?' });
    await dialog.waitFor();
    await screenshot(page, 'sign-out-keep-downloads-phone', false);
    await dialog.getByRole('button', { name: 'Sign out, keep downloads' }).click();
    await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    expect((await storedFiles(page)).map(([key]) => key)).toEqual([
      `${livingRoom()}:5004@original`,
    ]);

    // Back in: the download is still there. Out again, deleting this time.
    await page.getByRole('button', { name: 'Sign in with Plex' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('link', { name: /Road Trip/ }).click();
    await row.getByRole('img', { name: 'Downloaded' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Sign out and delete downloads' }).click();
    await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
    // The sign-in screen shows first; the files go once the sign-out's wipe has run.
    await expect.poll(() => storedFiles(page), { timeout: 10_000 }).toEqual([]);
  });

  it('loses the network mid-download and carries on when it is back; nothing half-written counts', async () => {
    const open = await suite.open(DESKTOP);
    const { page, context } = open;
    await openRoadTrip(open.page);
    suite.fake.faults.add({ kind: 'throttle', bytesPerSecond: 25_000, path: '/library/parts/' });
    await page.getByRole('button', { name: 'Download Road Trip for offline play' }).click();
    await goTo(page, 'Downloads');
    await page
      .getByText(/\d KB of \d/)
      .first()
      .waitFor();
    await whenAChunkIsSaved(page);
    // The network goes: the browser says offline, and the streams in flight are cut.
    await context.setOffline(true);
    suite.fake.faults.add({ kind: 'drop', path: '/library/parts/' });
    await page.getByText(/You're offline/).waitFor();
    await page
      .getByText(/Paused at \d/)
      .first()
      .waitFor({ timeout: 10_000 });
    // While offline, what is saved is whole files and numbered partial chunks; no part-file
    // passes for a whole one.
    const saved = await storedFiles(page);
    expect(saved.some(([key]) => key.includes('#'))).toBe(true);
    for (const [key, size] of saved) if (!key.includes('#')) expect(size).toBe(partSize(key));
    suite.fake.faults.clear();
    await context.setOffline(false);
    await page.getByText(/^(\d+) of \1 tracks downloaded/).waitFor({ timeout: 30_000 });
    const resumed = partRequests().filter((r) => /^bytes=[1-9]\d*-$/.test(r.headers.range ?? ''));
    expect(resumed.length).toBeGreaterThan(0);
    for (const [key, size] of await storedFiles(page)) expect(size).toBe(partSize(key));
  });
});
