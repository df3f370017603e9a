// Screenshots of the demo post's chart (the seed post-mortem, www/index.html)
// as a reader sees it: headless Chromium at 900 and 360 px wide, light and
// dark, written to docs/screenshots/seed-<width>-<theme>.png; and the
// README's picture, docs/demo.png (the same post with the seed's format v1
// JSON, www/post-json.html, 920 px, light). Needs `npm run build` first.
//
//   node scripts/screenshots.mjs [OUTPUT_DIR]
import { mkdirSync } from 'node:fs';
import { startHarness } from '../tests/browser/harness.mjs';

const out = process.argv[2] || 'docs/screenshots';
mkdirSync(out, { recursive: true });
const shots = [];
for (const width of [900, 360]) {
  for (const theme of ['light', 'dark']) shots.push(['/index.html', width, theme, `${out}/seed-${width}-${theme}.png`]);
}
shots.push(['/post-json.html', 920, 'light', `${out}/../demo.png`]);
const h = await startHarness();
try {
  for (const [path, width, theme, file] of shots) {
    const p = await h.openPage(path, { viewport: { width, height: 900 }, colorScheme: theme });
    const chart = p.page.locator('#postmortem');
    await p.page.waitForFunction(() => document.querySelector('#postmortem')?.shadowRoot?.querySelector('canvas')?.width > 0);
    // Fonts and the table's idle slices settle before the picture.
    await p.page.evaluate(() => document.querySelector('#postmortem').tableReady);
    await p.page.evaluate(() => document.fonts.ready);
    await chart.screenshot({ path: file });
    console.log(file);
    await p.close();
  }
} finally {
  await h.close();
}
