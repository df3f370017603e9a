// The demo blog post (www/index.html): the #postmortem widget loads the seed
// timeline, draws it, hides the author's fallback without touching it, and
// the page stays free of errors. Also: what the page downloads under /pkg/
// is exactly the list scripts/size.mjs measures; and at a device pixel
// ratio of 2 the canvas has twice the CSS pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, inspectCanvas, rgb } from './harness.mjs';
import { WIDGET_FILES } from '../../scripts/size.mjs';

const seed = JSON.parse(readFileSync(new URL('../../www/examples/seed-postmortem.json', import.meta.url), 'utf8'));

const CRITICAL_OUTAGE_LIGHT = '#8e1519';
const LANE_BAND_LIGHT = '#f6f8fa';

let h;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

test('demo page: #postmortem draws the seed, fires ready, hides the fallback, no errors', async () => {
  const p = await h.openPage('/');
  try {
    await p.waitForState('#postmortem', 'ready');
    const ready = await p.waitForEvent('postmortem', 'ready');

    // The ready event: once, bubbling, composed, with the seed's numbers.
    assert.equal(seed.events.length, 30);
    assert.equal(ready.bubbles, true);
    assert.equal(ready.composed, true);
    assert.deepEqual(ready.detail, { title: seed.title, events: 30, lanes: seed.lanes.length });
    assert.equal((await p.events('ready', 'postmortem')).length, 1, 'ready fires once');
    assert.deepEqual(await p.events('error'), [], 'no incident-timeline:error');

    // The canvas: critical-outage pixels in the "Web server" lane. Lanes
    // are drawn in the seed's order, with a shaded band on every other one
    // starting with the first, so the first band is the web lane.
    assert.equal(seed.lanes[0].label, 'Web server');
    const criticalInWeb = seed.events.filter(
      (e) => e.lane === seed.lanes[0].id && e.kind === 'outage' && e.severity === 'critical',
    );
    assert.equal(criticalInWeb.length, 4);
    assert.ok(
      seed.events.every((e) => e.severity !== 'critical' || e.lane === seed.lanes[0].id),
      'the seed has critical events in the web lane only',
    );
    const px = await inspectCanvas(p.page, '#postmortem', {
      color: rgb(CRITICAL_OUTAGE_LIGHT),
      band: rgb(LANE_BAND_LIGHT),
    });
    assert.ok(px.width > 300 && px.height > 100, `canvas ${px.width}x${px.height}`);
    assert.ok(px.bands.length >= 2, `lane bands found: ${JSON.stringify(px.bands)}`);
    const web = px.inBands[0];
    assert.ok(web.bottom - web.top >= 10, `web lane band ${web.top}..${web.bottom}`);
    assert.ok(web.count >= 400, `only ${web.count} critical-outage pixels in the web lane`);
    assert.equal(web.runs.length, criticalInWeb.length, `bars: ${JSON.stringify(web.runs)}`);
    const below = px.perRow.slice(web.bottom).reduce((a, b) => a + b, 0);
    assert.equal(below, 0, 'no critical-outage colour below the web lane');

    // The fallback: still there, untouched, not displayed.
    const fallback = await p.page.evaluate(async () => {
      const el = document.querySelector('#postmortem');
      const div = el.querySelector(':scope > .fallback');
      const source = new DOMParser().parseFromString(await (await fetch('/')).text(), 'text/html');
      const original = source.querySelector('#postmortem');
      const box = div.getBoundingClientRect();
      return {
        inDom: div.isConnected && div.parentElement === el,
        same: div.outerHTML === original.querySelector(':scope > .fallback').outerHTML,
        children: el.childNodes.length === original.childNodes.length,
        width: box.width,
        height: box.height,
        visible: div.checkVisibility(),
      };
    });
    assert.deepEqual(fallback, { inDom: true, same: true, children: true, width: 0, height: 0, visible: false });

    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('the demo page downloads exactly the files scripts/size.mjs measures under /pkg/', async () => {
  const p = await h.openPage('/');
  try {
    await p.waitForState('#postmortem', 'ready');
    const prefix = `${p.url}/pkg/`;
    const fetched = p.log.requests.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
    assert.deepEqual(fetched.sort(), [...WIDGET_FILES].sort());
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('deviceScaleFactor 2: the canvas backing store is twice its CSS size', async () => {
  const p = await h.openPage('/', { deviceScaleFactor: 2 });
  try {
    await p.waitForState('#postmortem', 'ready');
    const size = await p.page.evaluate(() => {
      const canvas = document.querySelector('#postmortem').shadowRoot.querySelector('canvas');
      const box = canvas.getBoundingClientRect();
      return { dpr: devicePixelRatio, width: canvas.width, height: canvas.height, cssWidth: box.width, cssHeight: box.height };
    });
    assert.equal(size.dpr, 2);
    assert.ok(size.cssWidth > 300, `css width ${size.cssWidth}`);
    assert.equal(size.width, 2 * size.cssWidth);
    assert.ok(Math.abs(size.height - 2 * size.cssHeight) < 1, `height ${size.height} vs 2 × ${size.cssHeight}`);
    await p.assertClean();
  } finally {
    await p.close();
  }
});
