import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { trackRow } from './flows';
import { e2eSuite, signInThroughPlex } from './harness';
import { E2E_APP_URL } from './ports';
import { screenshot } from './screenshots';

const suite = e2eSuite();

/** What a hostile library could do to a screen; each list should come back empty. */
interface Damage {
  /** Elements drawn past the window's edges (clipping by an ancestor taken into account). */
  outside: string[];
  /** The page scrolls sideways. */
  sideways: boolean;
  /** Links or images a title could have turned into script or a request. */
  scripted: string[];
}

function inspect(page: Page): Promise<Damage> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 40)}"`;
    const outside: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const rect = el.getBoundingClientRect();
      // The skip link waits off-screen until it is focused: that is its design.
      if (rect.width === 0 || rect.height === 0 || el.closest('.skip-link')) continue;
      let left = rect.left;
      let right = rect.right;
      // An ancestor that clips (ellipsis, scrollers) decides what can be seen.
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX === 'visible') continue;
        const clip = a.getBoundingClientRect();
        left = Math.max(left, clip.left);
        right = Math.min(right, clip.right);
      }
      if (right > left && (right > width + 1 || left < -1)) outside.push(describe(el));
    }
    const scripted = Array.from(
      document.querySelectorAll('a[href^="javascript:" i], img[src="x"], [onerror], [onclick]'),
    ).map(describe);
    return {
      outside,
      sideways: document.documentElement.scrollWidth > width + 1,
      scripted,
    };
  });
}

const undamaged: Damage = { outside: [], sideways: false, scripted: [] };

/** The text direction the browser gave the element holding `text`. */
const directionOf = (page: Page, text: string) =>
  page
    .getByText(text, { exact: true })
    .first()
    .evaluate((el) => getComputedStyle(el).direction);

/** How far below the artist's biography their albums begin, in CSS pixels. */
async function gapBelowBiography(page: Page): Promise<number> {
  const bio = await page.locator('.detail-summary').boundingBox();
  const albums = await page.getByRole('heading', { name: 'Albums', level: 2 }).boundingBox();
  if (!bio || !albums) throw new Error('no biography or no albums heading on the screen');
  return Math.round(albums.y - (bio.y + bio.height));
}

describe('hostile and awkward titles', () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`markup, script, RTL, emoji and very long words render as text with the layout intact (${size})`, async () => {
      const open = await suite.open(viewport);
      const { page } = open;
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const library = suite.fake.model.servers[0]?.library;
      const bold = library?.artists.find((a) => a.title === 'The <b>Bold</b> Type');
      const arabic = library?.artists.find((a) => a.title === 'فرقة النور');
      const pianist = library?.artists.find((a) => a.title === '坂本 ユキ');
      const longTrack = library?.tracks.find((t) => t.title.startsWith('A Very Long Title'));
      if (!bold || !arabic || !pianist || !longTrack)
        throw new Error('the demo library lost its hostile items');
      const boldAlbum = library?.albums.find((a) => a.artistKey === bold.ratingKey);
      if (!boldAlbum) throw new Error('the hostile album is missing');

      await signInThroughPlex(page);
      await page.getByText('قائمة تشغيل عربية 🎶').waitFor();
      expect(await inspect(page)).toEqual(undamaged);
      // Each title keeps its own direction, whatever surrounds it.
      expect(await directionOf(page, 'قائمة تشغيل عربية 🎶')).toBe('rtl');
      expect(await directionOf(page, 'Road Trip')).toBe('ltr');
      await screenshot(page, `hostile-playlists-${size}`);

      // The other top-level screens hold their shape too (a sideways shelf once widened a page).
      for (const [path, heading] of [
        ['library', 'Library'],
        ['downloads', 'Downloads'],
        ['servers', 'Servers'],
      ] as const) {
        await page.goto(`${E2E_APP_URL}${path}`);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        if (path === 'library') await page.getByText('Recently added').waitFor();
        expect(await inspect(page)).toEqual(undamaged);
      }

      // A playlist of hostile tracks, titled like an <img onerror> tag.
      await page.goto(`${E2E_APP_URL}playlists/9006`);
      await page.getByRole('heading', { name: '<img src=x onerror=alert(1)>' }).waitFor();
      await trackRow(page, 'javascript:alert(1)').waitFor();
      await trackRow(page, 'Extended_Club_Remix').waitFor();
      expect(await inspect(page)).toEqual(undamaged);
      await screenshot(page, `hostile-playlist-${size}`);

      // The artist whose name and biography carry markup and a link-sized word.
      await page.goto(`${E2E_APP_URL}library/artists/${bold.ratingKey}`);
      await page.getByRole('heading', { name: 'The <b>Bold</b> Type', level: 1 }).waitFor();
      await page.getByText(/Their name is <b>not<\/b> markup\. <script>/).waitFor();
      expect(await page.locator('main b, main script').count()).toBe(0);
      expect(await inspect(page)).toEqual(undamaged);
      await screenshot(page, `hostile-artist-${size}`);
      // A biography pages long is cut to a few lines until asked for.
      const bio = page.locator('.detail-summary');
      const cutHeight = (await bio.boundingBox())?.height ?? 0;
      // Its "More" lies over the cut text: appearing once the text is measured, it moves nothing
      // below it (the albums sit as far below a cut biography as below one that fits).
      await page.getByRole('button', { name: 'More', expanded: false }).waitFor();
      const gapBelowCut = await gapBelowBiography(page);
      await page.getByRole('button', { name: 'More', expanded: false }).click();
      await page.getByRole('button', { name: 'Less', expanded: true }).waitFor();
      expect((await bio.boundingBox())?.height ?? 0).toBeGreaterThan(cutHeight * 1.5);
      await page.getByText(/no\/line\/can\/hold/).waitFor();
      expect(await inspect(page)).toEqual(undamaged);
      await page.getByRole('button', { name: 'Less' }).click();
      expect((await bio.boundingBox())?.height).toBe(cutHeight);

      await page.goto(`${E2E_APP_URL}library/artists/${pianist.ratingKey}`);
      await page.getByText('東京出身のピアニスト。').waitFor();
      expect(await gapBelowBiography(page)).toBe(gapBelowCut);

      await page.goto(`${E2E_APP_URL}library/albums/${boldAlbum.ratingKey}`);
      await trackRow(page, 'Extended_Club_Remix').waitFor();
      expect(await inspect(page)).toEqual(undamaged);

      // Right-to-left: an Arabic artist's page reads from the right, Latin titles on it don't.
      await page.goto(`${E2E_APP_URL}library/artists/${arabic.ratingKey}`);
      await page.getByRole('heading', { name: 'فرقة النور', level: 1 }).waitFor();
      expect(await directionOf(page, 'فرقة النور')).toBe('rtl');
      expect(await directionOf(page, 'Desert Roads')).toBe('ltr');
      expect(await inspect(page)).toEqual(undamaged);
      await screenshot(page, `hostile-rtl-artist-${size}`);

      // Search finds markup as text.
      await page.getByRole('link', { name: 'Search' }).first().click();
      await page.getByRole('searchbox', { name: 'Search your music' }).fill('onerror');
      await trackRow(page, '<img src=x onerror=alert(1)>').first().waitFor();
      expect(await inspect(page)).toEqual(undamaged);

      // Playing the longest title: the mini player and the full player keep their shape.
      await page.goto(`${E2E_APP_URL}library/albums/${boldAlbum.ratingKey}`);
      await trackRow(page, 'Extended_Club_Remix')
        .getByRole('button', { name: /^Play A Very Long Title/ })
        .click();
      await page.getByRole('button', { name: 'Pause', exact: true }).first().waitFor();
      expect(await inspect(page)).toEqual(undamaged);
      await page.getByRole('button', { name: /Open the player/ }).click();
      await page
        .getByRole('dialog', { name: 'Now playing' })
        .getByRole('heading', { name: /^A Very Long Title/ })
        .waitFor();
      await page.waitForFunction(() => document.getAnimations().length === 0);
      expect(await inspect(page)).toEqual(undamaged);
      await screenshot(page, `hostile-now-playing-${size}`, false);

      expect(dialogs).toEqual([]);
    });
  }
});
