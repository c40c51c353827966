import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from './browser';
import { seriousA11yProblems } from './axe';
import { screenshot } from './screenshots';
import { e2eSuite } from './harness';
import { E2E_APP_URL } from './ports';

const suite = e2eSuite();

/** Waits for the animations that end (entrances, fades; not a loading shimmer) to have ended. */
async function entrancesDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const ending = document
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(ending.map((a) => a.finished));
  });
}

/** Every screen, in light (phone) and dark (desktop) colours. */
async function auditEveryScreen(page: Page, look: 'phone' | 'desktop') {
  const found: Record<string, unknown[]> = {};
  const audit = async (name: string) => {
    const problems = await seriousA11yProblems(page);
    if (problems.length) found[name] = problems;
  };
  await page.goto(E2E_APP_URL);
  await page.getByRole('button', { name: 'Sign in with Plex' }).waitFor();
  await audit('sign-in');
  await page.getByRole('button', { name: 'Sign in with Plex' }).click();
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByText('Road Trip').first().waitFor();
  await audit('playlists');
  await page.getByRole('link', { name: /Road Trip/ }).click();
  await page
    .getByRole('list', { name: 'Tracks in Road Trip' })
    .getByText('Departure Board')
    .waitFor();
  await audit('playlist');
  await page.getByRole('button', { name: 'More for Slack Tide' }).click();
  await page.getByRole('button', { name: 'Play next' }).waitFor();
  await audit("playlist with a track's actions open");
  await screenshot(page, `track-actions-${look}`, false);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /Play Departure Board/ }).click();
  await page.locator('.mini-player').waitFor();
  await audit('playlist with mini player');
  await page.getByRole('button', { name: /Open the player/ }).click();
  await page.getByRole('dialog', { name: 'Now playing' }).waitFor();
  // After its 180 ms entrance: half-faded text is no contrast finding.
  await entrancesDone(page);
  await audit('now playing');
  await page.keyboard.press('Escape');
  await page.keyboard.press(' ');
  await page.goto(`${E2E_APP_URL}library`);
  await page.getByRole('heading', { name: 'Library' }).first().waitFor();
  // The artists themselves, not the screen's frame before they arrive.
  await page.getByRole('link', { name: '坂本 ユキ', exact: true }).waitFor();
  await audit('library');
  await page.getByRole('link', { name: '坂本 ユキ', exact: true }).click();
  await page.getByRole('heading', { name: '坂本 ユキ', level: 1 }).waitFor();
  await audit('artist');
  await page.getByRole('link', { name: /雪の記憶/ }).click();
  await page.getByRole('list', { name: 'Tracks on 雪の記憶' }).getByText('初雪').waitFor();
  await audit('album');
  await page.goto(`${E2E_APP_URL}search`);
  await page.getByRole('searchbox', { name: 'Search your music' }).fill('light');
  await page.getByText('Streetlights').waitFor();
  await audit('search');
  await page.goto(`${E2E_APP_URL}downloads`);
  await page.getByRole('heading', { name: 'Downloads' }).waitFor();
  await audit('downloads');
  await page.goto(`${E2E_APP_URL}servers`);
  await page.getByText('Connected on your local network.').waitFor();
  await audit('servers');
  return found;
}

describe('accessibility', () => {
  it('has no serious or critical axe findings on any screen (phone, light)', async () => {
    const open = await suite.open({ ...PHONE, colorScheme: 'light' });
    expect(await auditEveryScreen(open.page, 'phone')).toEqual({});
  });

  it('has no serious or critical axe findings on any screen (desktop, dark)', async () => {
    const open = await suite.open(DESKTOP);
    expect(await auditEveryScreen(open.page, 'desktop')).toEqual({});
  });

  it('works by keyboard alone, with visible focus: sign in, browse, play, download', async () => {
    const open = await suite.open({ ...DESKTOP, reducedMotion: 'reduce' });
    const { page } = open;
    /** Tab until the focused element is named `name`, checking the focus can be seen. */
    const tabTo = async (name: RegExp, ours = true) => {
      for (let i = 0; i < 80; i += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const label = el.getAttribute('aria-label') ?? el.textContent ?? '';
          const style = getComputedStyle(el);
          return { label: label.trim(), outline: style.outlineStyle, width: style.outlineWidth };
        });
        if (focused && name.test(focused.label)) {
          if (!ours) return;
          expect(focused.outline).not.toBe('none');
          expect(parseFloat(focused.width)).toBeGreaterThanOrEqual(2);
          return;
        }
      }
      throw new Error(`never reached ${name} with Tab`);
    };
    await page.goto(E2E_APP_URL);
    await tabTo(/^Sign in with Plex$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await tabTo(/^Approve$/, false); // the fake app.plex.tv page, not PlexM8
    await page.keyboard.press('Enter');
    await page.getByText('Road Trip').first().waitFor();
    await tabTo(/Road Trip/);
    await page.keyboard.press('Enter');
    await page
      .getByRole('list', { name: 'Tracks in Road Trip' })
      .getByText('Departure Board')
      .waitFor();
    await tabTo(/^Download Road Trip/);
    await page.keyboard.press('Enter');
    await page.getByText(/^Downloading \d+ of|^Downloaded/).waitFor();
    await tabTo(/Play Departure Board/);
    await page.keyboard.press('Enter');
    await page.locator('.mini-player').waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).first().waitFor();
    // A track's "⋯": Enter shows its actions, Tab reaches "Play next", Enter queues the track
    // and puts focus back on "⋯" (the actions are gone).
    await tabTo(/^More for Slack Tide$/);
    await page.keyboard.press('Enter');
    const more = page.getByRole('button', { name: 'More for Slack Tide' });
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await tabTo(/^Play next$/);
    await page.keyboard.press('Enter');
    await page.getByText('“Slack Tide” plays next').waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'More for Slack Tide',
    );
    // The player's controls are reached and used the same way.
    await tabTo(/^Pause$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Play', exact: true }).first().waitFor();
    for (const name of ['Previous track', 'Next track', 'Play'])
      expect(await page.getByRole('button', { name, exact: true }).count()).toBeGreaterThan(0);
    // The full player opens from the mini player by keyboard too. It slides in unless the
    // user asked for reduced motion; then nothing animates for longer than a blink (a
    // transition a key press started may still be "running" for its 0.01 ms).
    await tabTo(/^Now playing: .* Open the player$/);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Now playing' }).waitFor();
    const animated = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => Number(a.effect?.getComputedTiming().activeDuration ?? 0) > 1)
        .map((a) => (a instanceof CSSAnimation ? a.animationName : a.constructor.name)),
    );
    expect(animated).toEqual([]);
    // A modal: Tab goes round its own controls and never to the page behind it (which a
    // keyboard or screen-reader user would otherwise be lost in, under the player): past its
    // last control forwards, and back past the close button, where focus starts.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Close the player',
    );
    const focusables = await page
      .locator('.now-playing')
      .evaluate(
        (el) =>
          el.querySelectorAll('button, input, select, a[href], [tabindex]:not([tabindex="-1"])')
            .length,
      );
    const outside: string[] = [];
    const focusIsOutside = async () => {
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'nothing';
        return el.closest('.now-playing') ? 'player' : el.outerHTML.slice(0, 80);
      });
      if (where !== 'player' && where !== 'nothing') outside.push(where);
    };
    for (let i = 0; i < 3; i += 1) {
      await page.keyboard.press('Shift+Tab');
      await focusIsOutside();
    }
    for (let i = 0; i < focusables + 6; i += 1) {
      await page.keyboard.press('Tab');
      await focusIsOutside();
    }
    expect(outside).toEqual([]);
    // Esc closes it, and the keyboard goes on from the page.
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Now playing' }).waitFor({ state: 'detached' });
    await tabTo(/^Now playing: .* Open the player$/);
  });
});
