/**
 * Renders PlexM8's PNG icons from public/favicon.svg with Chromium (run by hand when the logo
 * changes; the PNGs are committed): 192 and 512 for the manifest, a maskable 512 whose logo sits
 * inside the safe zone on a full-bleed background, and the 180 px apple-touch-icon.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/e2e/browser';

const svg = readFileSync('public/favicon.svg', 'utf8');
const icons = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'maskable-512.png', size: 512, maskable: true },
  { file: 'apple-touch-icon.png', size: 180, maskable: true },
];

const browser = await launchChromium();
const page = await browser.newPage();
for (const icon of icons) {
  // Maskable: platforms crop to a circle or squircle, so the logo fills the central 80 %.
  const inner = icon.maskable ? Math.round(icon.size * 0.8) : icon.size;
  await page.setViewportSize({ width: icon.size, height: icon.size });
  await page.setContent(
    `<html><body style="margin:0;background:${icon.maskable ? '#1b1b1d' : 'transparent'};display:grid;place-items:center;width:${icon.size}px;height:${icon.size}px">
      <img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}">
    </body></html>`,
  );
  const png = await page.screenshot({ omitBackground: !icon.maskable });
  writeFileSync(`public/icons/${icon.file}`, png);
  console.log(`public/icons/${icon.file}`);
}
await browser.close();
