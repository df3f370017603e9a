// The command-line tool renders the seed post-mortem to SVG, and opened in
// Chromium as a picture at 900 px and at 360 px it reads right: the lanes,
// three days, four outages wide enough to see, partial impact drawn
// differently, milestones, legible text, nothing clipped. Screenshots go to
// tests/artifacts/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

const root = new URL('../../', import.meta.url);
const bin = new URL('target/debug/incident-timeline', root).pathname;
const seedPath = new URL('www/examples/seed-postmortem.json', root).pathname;
const seed = JSON.parse(readFileSync(seedPath, 'utf8'));
const artifacts = new URL('tests/artifacts/', root).pathname;
const CRITICAL = '#8E1519';
const DEGRADED = '#9A6700';

let browser;
before(async () => {
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--bin', 'incident-timeline'], { cwd: root, stdio: 'inherit' });
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});
after(() => browser?.close());

function render(width) {
  return execFileSync(bin, ['render', seedPath, '--width', String(width)], { encoding: 'utf8' });
}

async function open(svg, width) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  return page;
}

for (const width of [900, 360]) {
  test(`the seed as SVG at ${width} px reads right`, async () => {
    const svg = render(width);
    const page = await open(svg, width);
    try {
      const facts = await page.evaluate(({ CRITICAL, DEGRADED }) => {
        const root = document.querySelector('svg');
        const texts = [...root.querySelectorAll('text')];
        const box = (el) => el.getBBox();
        const fillOf = (el) => (el.getAttribute('fill') || '').toUpperCase();
        const rects = [...root.querySelectorAll('rect')];
        const solid = (fill) => rects.filter((r) => fillOf(r) === fill && (r.getAttribute('opacity') ?? '1') === '1');
        return {
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          title: root.querySelector('title')?.textContent,
          desc: root.querySelector('desc')?.textContent,
          words: texts.map((t) => t.textContent.trim()),
          fontSizes: texts.map((t) => Number(t.getAttribute('font-size'))),
          textBoxes: texts.map((t) => { const b = box(t); return [b.x, b.y, b.width, b.height, t.textContent.trim()]; }),
          critical: solid(CRITICAL).map((r) => [Number(r.getAttribute('width')), Number(r.getAttribute('height')), Number(r.getAttribute('y'))]),
          // Each degraded bar: the bar in its colour, and its faint body
          // (one pixel in from the top and sides) down to the affected share.
          degraded: solid(DEGRADED).map((r) => {
            const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k)));
            const body = rects.find((b) => Number(b.getAttribute('x')) === x + 1 && Number(b.getAttribute('y')) === y + 1 && fillOf(b) !== DEGRADED);
            const share = body ? y + h - (Number(body.getAttribute('y')) + Number(body.getAttribute('height'))) : h;
            return [w, h, share];
          }),
          diamonds: root.querySelectorAll('polygon').length,
        };
      }, { CRITICAL, DEGRADED });

      assert.equal(facts.width, width);
      assert.equal(facts.title, seed.title);
      assert.match(facts.desc, /User-facing downtime 1 h 28 min/);
      for (const lane of seed.lanes) assert.ok(facts.words.includes(lane.label), `lane label ${lane.label}`);
      for (const day of ['Dec 7', 'Dec 8', 'Dec 9']) {
        assert.ok(facts.words.some((w) => w.includes(day)), `day label ${day} in ${facts.words.join(' | ')}`);
      }
      // Four critical outages (plus the legend swatch, 12 px square). Since #16 one time scale holds across the axis
      // breaks, so a 25-minute outage is as narrow as its minutes make it
      // (2-5 px on the seed): at least the layout's 2 px minimum, and the
      // longest is the widest.
      const bars = facts.critical.filter(([w, h]) => !(w === 12 && h === 12));
      assert.equal(bars.length, 4, JSON.stringify(facts.critical));
      const minutes = seed.events.filter((e) => e.kind === 'outage' && e.severity === 'critical' && e.end)
        .map((e) => (Date.parse(e.end.length > 19 ? e.end : `${e.end}-08:00`) - Date.parse(e.start.length > 19 ? e.start : `${e.start}-08:00`)) / 6e4);
      if (minutes.length === bars.length) {
        const widest = bars.reduce((a, b, i) => (b[0] > bars[a][0] ? i : a), 0);
        assert.equal(minutes[widest], Math.max(...minutes), `the longest outage is the widest bar: ${JSON.stringify(bars)} for ${minutes} min`);
      }
      for (const [w, h] of bars) {
        assert.ok(w >= 2, `outage bar ${w} px wide at ${width} px`);
        assert.ok(h >= 12, `outage bar ${h} px high`);
      }
      // Partial impact: the degraded fills are lower than a full bar.
      const outageHeight = bars[0][1];
      // (Bars under 3 px wide have no room for a body: a solid sliver.)
      const degradedEvents = seed.events.filter((e) => e.kind === 'degraded').length;
      assert.equal(facts.degraded.filter(([w, h]) => !(w === 12 && h === 12)).length, degradedEvents, JSON.stringify(facts.degraded));
      const partial = facts.degraded.filter(([w, h]) => !(w === 12 && h === 12) && w >= 3);
      assert.ok(partial.length >= 1, JSON.stringify(facts.degraded));
      for (const [, h, share] of partial) {
        assert.equal(h, outageHeight, 'a degraded bar is as tall as an outage');
        assert.ok(share >= 1 && share < h - 2, `the affected share ${share} px of ${h} px`);
      }
      // Milestones: a diamond each (no halo: none sits in a dense row),
      // plus the legend's swatch (halo and diamond).
      const milestones = seed.events.filter((e) => e.kind === 'milestone').length;
      assert.equal(facts.diamonds, milestones + 2, `${facts.diamonds} polygons for ${milestones} milestones`);
      // Legible and not clipped.
      for (const size of facts.fontSizes) assert.ok(size >= 11, `font-size ${size}`);
      for (const [x, y, w, h, text] of facts.textBoxes) {
        assert.ok(x >= 0 && y >= 0 && x + w <= width + 0.5 && y + h <= facts.height + 0.5, `"${text}" clipped at ${[x, y, w, h]}`);
      }
      await page.screenshot({ path: `${artifacts}cli-seed-${width}.png`, fullPage: true });
    } finally {
      await page.close();
    }
  });
}
