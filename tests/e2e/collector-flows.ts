import type { Page } from 'playwright-core';
import type { FakePlex } from '../fake-plex/handler';
import type { FakeServer } from '../fake-plex/model';
import { COLLECTOR_ID } from '../fake-plex/scenarios';
import { E2E_APP_URL } from './ports';

export function collectorServer(fake: FakePlex): FakeServer {
  const server = fake.model.servers.find((s) => s.machineIdentifier === COLLECTOR_ID);
  if (!server) throw new Error("no Collector's Server in this scenario");
  return server;
}

/**
 * From the signed-in app: the Servers screen, "Use this server" on the Collector's, and that
 * choice seen again after a reload. The choice is stored sealed (an encryption, then IndexedDB),
 * so a page.goto right after the click could come back on the Living Room's library (seen once);
 * the callers go on with page.goto, so the choice must be on disk first.
 */
export async function switchToCollector(page: Page): Promise<void> {
  await page.goto(`${E2E_APP_URL}servers`);
  const card = page.getByRole('listitem', { name: "Collector's Server" });
  for (let attempt = 1; ; attempt += 1) {
    await card.getByText('Connected over the internet.').waitFor({ timeout: 15_000 });
    await card.getByRole('button', { name: 'Use this server' }).click();
    await card.getByText('Using this server').waitFor();
    // Room for the write to land; checked below, and longer on each try.
    await page.waitForTimeout(200 * attempt);
    await page.reload();
    const kept = await card
      .getByText('Using this server')
      .waitFor({ timeout: 5_000 })
      .then(() => true)
      .catch(() => false);
    if (kept) return;
    if (attempt === 4) throw new Error("the Collector's Server was not kept as the choice");
  }
}

/** A Collector's list to scroll to its end: where it is, its label, its size and last name. */
export interface BrowseCase {
  name: 'artists' | 'albums' | 'tracks' | 'playlists';
  path: string;
  label: string;
  total: number;
  last: string;
}

/** The four lists, with what the server says their last item is in the order the app asks. */
export function browseCases(fake: FakePlex): BrowseCase[] {
  const { library } = collectorServer(fake);
  const title = { by: 'title', desc: false } as const;
  const lastOf = <T extends { title: string }>(list: { length: number; at(i: number): T }) =>
    list.at(list.length - 1).title;
  return [
    {
      name: 'artists',
      path: 'library?view=artists',
      label: 'Artists',
      total: 5_000,
      last: lastOf(library.find.artists('1', title)),
    },
    {
      name: 'albums',
      path: 'library?view=albums',
      label: 'Albums',
      total: 30_000,
      last: lastOf(library.find.albums('1', title)),
    },
    {
      name: 'tracks',
      path: 'library?view=tracks',
      label: 'Tracks',
      total: 150_000,
      last: lastOf(library.find.tracks('1', title)),
    },
    {
      name: 'playlists',
      path: 'playlists',
      label: 'Playlists',
      total: 400,
      last: library.playlists.at(-1)?.title ?? '',
    },
  ];
}

/**
 * Waits until the list's mounted items cover the part of it on screen: after a jump, the
 * virtualizer has rendered the rows there (a count taken before it had would read low, and
 * could never find too many).
 */
export async function listCaughtUp(page: Page, label: string): Promise<void> {
  await page.waitForFunction(
    (name) => {
      const list = document.querySelector(`ul[aria-label="${CSS.escape(name)}"]`);
      if (!list) return false;
      const box = list.getBoundingClientRect();
      const from = Math.max(box.top, 0);
      const to = Math.min(box.bottom, window.innerHeight);
      if (to <= from) return true;
      const items = Array.from(list.children, (item) => item.getBoundingClientRect());
      if (items.length === 0) return false;
      const top = Math.min(...items.map((r) => r.top));
      const bottom = Math.max(...items.map((r) => r.bottom));
      // An item's height of slack at the end: the list's box may end in padding after its rows.
      const slack = (bottom - top) / items.length;
      return top <= from + 1 && bottom >= to - slack;
    },
    label,
    { timeout: 10_000 },
  );
}

/** How many items of a list are in the DOM now, and whether the page is scrolled to its end. */
export function sampleList(page: Page, label: string) {
  return page.evaluate((name) => {
    const list = document.querySelector(`ul[aria-label="${CSS.escape(name)}"]`);
    return {
      mounted: list?.children.length ?? 0,
      atEnd: window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2,
    };
  }, label);
}
