import type { Page } from 'playwright-core';
import { mapItems } from '../src/lib/plex/map-metadata';
import { albumJson, artistJson, trackJson } from '../tests/fake-plex/library-json';
import type { FakeLibrary } from '../tests/fake-plex/library-types';

/**
 * The most PlexM8 can have saved of the Collector's library: every artists and albums page (as
 * scrolling through both lists saves them) and every album's tracks (as opening all 30,000 albums
 * would): 5,000 artists, 30,000 albums, 150,000 tracks. Written into the app's own query cache
 * in the shape its persister writes, next to an entry the app saved itself (its key and buster).
 */
const PAGE = 100;
/** Items per write: a few MB over the DevTools protocol at a time. */
const CHUNK = 20_000;

interface Entry {
  key: string;
  value: unknown;
}

/** Finds the saved first page of artists, to copy its scope, buster and state. */
async function template(page: Page, db: string) {
  return page.evaluate(async (name) => {
    const open = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const store = open.transaction('queries').objectStore('queries');
    const values = await new Promise<unknown[]>((resolve) => {
      const req = store.getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
    });
    open.close();
    const found = values.find((v) => {
      const key = (v as { queryKey?: unknown[] }).queryKey ?? [];
      return key.includes('section') && key.includes('artists');
    });
    if (!found) throw new Error('no saved artists page to copy');
    return found as { buster: string; queryKey: unknown[]; state: Record<string, unknown> };
  }, db);
}

async function write(page: Page, db: string, entries: Entry[]) {
  await page.evaluate(
    async ({ name, entries }) => {
      const open = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = open.transaction('queries', 'readwrite');
      const store = tx.objectStore('queries');
      for (const e of entries) store.put(e.value, e.key);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      open.close();
    },
    { name: db, entries },
  );
}

export async function seedSavedLibrary(page: Page, db: string, lib: FakeLibrary): Promise<number> {
  const t = await template(page, db);
  const scope = t.queryKey.slice(0, 3);
  const section = t.queryKey[4];
  const entry = (queryKey: unknown[], data: unknown): Entry => {
    const queryHash = JSON.stringify(queryKey);
    return {
      key: `tanstack-query-${queryHash}`,
      value: {
        buster: t.buster,
        queryHash,
        queryKey,
        state: { ...t.state, data, dataUpdatedAt: Date.now() },
      },
    };
  };
  const title = { by: 'title', desc: false } as const;
  const lists = [
    ['artists', lib.find.artists('1', title), 'artist', artistJson],
    ['albums', lib.find.albums('1', title), 'album', albumJson.bind(null, lib)],
  ] as const;
  let batch: Entry[] = [];
  let pending = 0;
  let count = 0;
  const add = async (e: Entry, items: number) => {
    batch.push(e);
    pending += items;
    count += items;
    if (pending < CHUNK) return;
    await write(page, db, batch);
    batch = [];
    pending = 0;
  };
  for (const [list, all, kind, json] of lists) {
    for (let start = 0; start < all.length; start += PAGE) {
      const end = Math.min(all.length, start + PAGE);
      const raw = Array.from({ length: end - start }, (_, i) => json(all.at(start + i) as never));
      const { items } = mapItems(kind, raw);
      const data = { items, skipped: 0, start, next: end, total: all.length, complete: true };
      await add(
        entry([...scope, 'section', section, list, 'titleSort', start / PAGE], data),
        items.length,
      );
    }
  }
  const albums = lib.find.albums('1', title);
  for (let i = 0; i < albums.length; i += 1) {
    const album = albums.at(i);
    const tracks = lib.find.tracksOf(album.ratingKey).map((x) => trackJson(lib, x));
    const data = mapItems('track', tracks);
    await add(entry([...scope, 'album', album.ratingKey, 'tracks'], data), data.items.length);
  }
  if (batch.length) await write(page, db, batch);
  return count;
}
