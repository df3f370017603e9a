// The demo blog post (www/index.html) draws its chart from its own list
// (from="fallback"): the seed's outages and partial impact at the instants
// and of the kinds of the hand-written seed JSON. The same post with that
// JSON (www/post-json.html): the #postmortem widget loads the seed timeline,
// draws it, hides the author's fallback without touching it, and the page
// stays free of errors; what it downloads under /pkg/ is exactly the list
// scripts/size.mjs measures; and at a device pixel ratio of 2 the canvas has
// twice the CSS pixels.
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

/** "8:24 AM" for a seed time such as 2022-12-07T08:24:00-08:00 (the seed's wall clock). */
const wall = (iso) => {
  const [, h, m] = iso.match(/T(\d\d):(\d\d)/);
  return `${((Number(h) + 11) % 12) + 1}:${m} ${Number(h) < 12 ? 'AM' : 'PM'}`;
};
/** "Dec 7" for a seed time. */
const day = (iso) => `Dec ${Number(iso.slice(8, 10))}`;

test('demo page: the chart comes from the post\'s own list, with the seed JSON\'s outages and partial impact', async () => {
  const p = await h.openPage('/');
  try {
    await p.waitForState('#postmortem', 'ready');
    const ready = (await p.events('ready', 'postmortem'))[0].detail;
    // 21 timed lines in the list, each an event.
    const lines = await p.page.evaluate(() => [...document.querySelectorAll('#postmortem .fallback p')].map((x) => x.textContent));
    assert.equal(lines.filter((l) => /^\(?[\d/)\s]*\d{1,2}(:\d\d)?\s*(AM|PM|–)/.test(l)).length, 21);
    assert.equal(ready.events, 21);
    const rows = await p.page.evaluate(async () => {
      const el = document.querySelector('#postmortem');
      el.shadowRoot.querySelector('button[data-act="table"]').click();
      await el.tableReady;
      return [...el.shadowRoot.querySelectorAll('.table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    });
    // Every outage and degraded range of the JSON is a range of the text at
    // the same wall-clock times; the four outages and the ~30 % partial
    // impact also have the same kind.
    for (const e of seed.events.filter((x) => x.kind === 'outage' || x.kind === 'degraded')) {
      const row = rows.find((r) => r[3].includes(`${day(e.start)}, 2022, ${wall(e.start)}`) && r[4].includes(`${day(e.end)}, 2022, ${wall(e.end)}`));
      assert.ok(row, `${e.kind} ${e.start}–${e.end} "${e.title}" in ${JSON.stringify(rows)}`);
      if (e.kind === 'outage') assert.match(row[1], /^Outage/, e.title);
      if (e.impact === 0.3) assert.ok(row[1].startsWith('Degraded') && row.includes('30% affected'), JSON.stringify(row));
    }
    // The list is still there, untouched and hidden; the page loaded the
    // text reader (the full core) besides the widget's own files.
    const fallback = await p.page.evaluate(async () => {
      const el = document.querySelector('#postmortem');
      const div = el.querySelector(':scope > .fallback');
      const source = new DOMParser().parseFromString(await (await fetch('/')).text(), 'text/html');
      return { same: div.outerHTML === source.querySelector('#postmortem > .fallback').outerHTML, visible: div.checkVisibility() };
    });
    assert.deepEqual(fallback, { same: true, visible: false });
    const prefix = `${p.url}/pkg/`;
    const fetched = p.log.requests.filter((u) => u.startsWith(prefix)).map((u) => u.slice(prefix.length));
    for (const f of [...WIDGET_FILES, 'incident-timeline-import.js', 'incident_timeline_bg.wasm']) assert.ok(fetched.includes(f), `${f} in ${fetched}`);
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('the post with the JSON timeline: #postmortem draws the seed, fires ready, hides the fallback, no errors', async () => {
  const p = await h.openPage('/post-json.html');
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
      const source = new DOMParser().parseFromString(await (await fetch('/post-json.html')).text(), 'text/html');
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

test('a format v1 page (the post with the JSON timeline) downloads exactly the files scripts/size.mjs measures under /pkg/', async () => {
  const p = await h.openPage('/post-json.html');
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
  const p = await h.openPage('/post-json.html', { deviceScaleFactor: 2 });
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
