import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { partBytes, setPartValidators } from '../fake-plex/pms-stream';
import { DESKTOP, PHONE } from './browser';
import { openRoadTrip, whenAChunkIsSaved } from './flows';
import { e2eSuite } from './harness';
import { E2E_APP_URL, e2eDatabase } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();
afterEach(() => setPartValidators(server(), 'none'));

const server = () => {
  const living = suite.fake.model.servers[0];
  if (!living) throw new Error('no server');
  return living;
};
const roadTrip = () => {
  const playlist = server().library.playlists[0];
  if (!playlist) throw new Error('no playlist');
  return Array.from({ length: playlist.size }, (_, i) => playlist.itemAt(i));
};
/** The Night Transit album's tracks: most are on Road Trip too. */
const nightTransit = () => {
  const album = server().library.albums.find((a) => a.title === 'Night Transit');
  if (!album) throw new Error('no Night Transit');
  return { album, tracks: server().library.tracks.filter((t) => t.albumKey === album.ratingKey) };
};
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What the server serves for a stored file's key: the part, or for ALAC its MP3 conversion. */
function servedDigest(key: string): string | undefined {
  const [, partAndQuality = ''] = key.split(':');
  const [part, quality] = partAndQuality.split('@');
  const track = server().library.tracks.find((t) => String(t.partId) === part);
  if (!track) return undefined;
  return sha256(
    quality === 'original'
      ? partBytes(track)
      : new Uint8Array(readFileSync(track.file.transcodedPath)),
  );
}

/** Everything in the browser's files store (whole files and partial chunks), as [key, SHA-256]. */
const storedDigests = (page: Page) =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('files').objectStore('files');
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const [keys, values] = await Promise.all([read(store.getAllKeys()), read(store.getAll())]);
    db.close();
    const out: Array<[string, string]> = [];
    for (const [i, key] of keys.entries()) {
      const value = values[i] as Blob | { bytes: ArrayBuffer };
      const bytes = value instanceof Blob ? await value.arrayBuffer() : value.bytes;
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      out.push([String(key), Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')]);
    }
    return out.sort();
  }, e2eDatabase('download-files'));

const fileRequests = () =>
  suite.fake.requests.filter(
    (r) =>
      r.method === 'GET' &&
      (r.path.startsWith('/library/parts/') || r.path.endsWith('/transcode/universal/start.mp3')),
  );
const goTo = (page: Page, name: string) =>
  page.getByRole('navigation', { name: /Main/ }).getByRole('link', { name }).first().click();
const downloadButton = (page: Page) =>
  page.getByRole('button', { name: 'Download Road Trip for offline play' });
const following = /Another PlexM8 tab is downloading these/;
/** A second tab of the same browser, on Road Trip (signed in already: the first tab did it). */
async function secondTab(page: Page): Promise<Page> {
  const tab = await page.context().newPage();
  await tab.goto(`${E2E_APP_URL}playlists`);
  await tab.getByRole('link', { name: /Road Trip/ }).click();
  await tab
    .getByRole('list', { name: 'Tracks in Road Trip' })
    .getByText('Departure Board')
    .waitFor();
  return tab;
}

async function expectWholeFiles(page: Page, count: number) {
  const stored = await storedDigests(page);
  expect(stored).toHaveLength(count);
  for (const [key, digest] of stored) {
    expect(key).toMatch(new RegExp(`^${server().machineIdentifier}:\\d+@(original|320)$`));
    expect(digest, key).toBe(servedDigest(key));
  }
}

describe('downloads in two tabs', () => {
  it('both tabs asking make one set of requests and one correct copy of each file', async () => {
    const { page: first } = await suite.open(DESKTOP);
    await openRoadTrip(first);
    const second = await secondTab(first);
    // The other tab asks for the album most of the playlist's tracks come from, while the first
    // tab's download runs: two asks, one file each, whichever tab asked.
    const { album, tracks: albumTracks } = nightTransit();
    const parts = new Set([...roadTrip(), ...albumTracks].map((t) => t.partId));
    const onPlaylist = new Set(roadTrip().map((t) => t.partId));
    expect(albumTracks.filter((t) => onPlaylist.has(t.partId)).length).toBeGreaterThan(2);
    const count = parts.size;
    suite.fake.faults.add({ kind: 'throttle', bytesPerSecond: 60_000, path: '/library/parts/' });
    await second.goto(`${E2E_APP_URL}library/albums/${album.ratingKey}`);
    const albumButton = second.getByRole('button', {
      name: 'Download Night Transit for offline play',
    });
    await albumButton.waitFor();
    await downloadButton(first).click();
    await albumButton.click();
    await Promise.all([goTo(first, 'Downloads'), goTo(second, 'Downloads')]);
    // The tab that opened first downloads; the other follows, its progress moving too.
    await second.getByText(following).waitFor();
    await second.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('.dl-row progress');
      return bar !== null && bar.value > 0;
    });
    expect(await first.getByText(following).count()).toBe(0);
    await screenshot(second, 'downloads-follower-desktop', false);
    for (const tab of [first, second])
      await tab.getByText(`${count} of ${count} tracks downloaded`).waitFor({ timeout: 40_000 });
    // Each file asked of the server once, whole (no Range), whichever tab asked.
    const paths = fileRequests().map((r) =>
      r.path.startsWith('/library/parts/') ? r.path : `transcode ${r.query.path}`,
    );
    expect(paths.length).toBe(count);
    expect(new Set(paths).size).toBe(count);
    expect(fileRequests().filter((r) => r.headers.range)).toEqual([]);
    await expectWholeFiles(second, count);
    await second.close();
  });

  it('carries on in the other tab when the downloading tab closes, from what it saved', async () => {
    const { page: first } = await suite.open(PHONE);
    await openRoadTrip(first);
    const second = await secondTab(first);
    const count = roadTrip().length;
    // Parts with ETags, so the resume goes through the browser's preflight for If-Range.
    setPartValidators(server(), 'etag');
    suite.fake.faults.add({ kind: 'throttle', bytesPerSecond: 25_000, path: '/library/parts/' });
    await downloadButton(second).click();
    await goTo(second, 'Downloads');
    await second.getByText(following).waitFor();
    await second
      .getByText(/\d KB of \d/)
      .first()
      .waitFor();
    await screenshot(second, 'downloads-follower-phone', false);
    // A chunk is saved each second: wait for one, then close the tab that downloads.
    await whenAChunkIsSaved(second);
    await first.close();
    suite.fake.faults.clear();
    await second.getByText(`${count} of ${count} tracks downloaded`).waitFor({ timeout: 40_000 });
    expect(await second.getByText(following).count()).toBe(0);
    const resumed = fileRequests().filter((r) => /^bytes=[1-9]\d*-$/.test(r.headers.range ?? ''));
    expect(resumed.length).toBeGreaterThan(0);
    for (const request of resumed) {
      expect(request.headers['if-range']).toMatch(/^"\d+-0"$/);
      expect(request.status).toBe(206);
    }
    await expectWholeFiles(second, count);
  });

  it('a download deleted in one tab stays deleted in the other, and after a reload', async () => {
    const { page: first } = await suite.open(DESKTOP);
    await openRoadTrip(first);
    const second = await secondTab(first);
    suite.fake.faults.add({ kind: 'throttle', bytesPerSecond: 25_000, path: '/library/parts/' });
    await downloadButton(first).click();
    await Promise.all([goTo(first, 'Downloads'), goTo(second, 'Downloads')]);
    // Deleted in the tab that isn't downloading, while the other is mid-file.
    await second
      .getByText(/\d KB of \d/)
      .first()
      .waitFor();
    await whenAChunkIsSaved(second);
    await second.getByRole('button', { name: 'Delete the download of Road Trip' }).click();
    for (const tab of [first, second]) await tab.getByText('Nothing downloaded yet.').waitFor();
    const asked = fileRequests().length;
    await first.waitForTimeout(2_000);
    expect(fileRequests().length).toBe(asked);
    for (const tab of [first, second]) {
      await tab.reload();
      await tab.getByText('Nothing downloaded yet.').waitFor();
    }
    // Nothing of it on the device: no file, no chunk.
    expect(await storedDigests(second)).toEqual([]);
    await second.close();
  });
});
