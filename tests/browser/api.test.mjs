// The element's JavaScript and HTML API: the `.data` property and the
// `timeline`, `theme` and `time-zone` attributes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, canvasDigest, canvasPixel, assertColor, inspectCanvas, rgb } from './harness.mjs';

let h;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

/** A small valid timeline with `n` outages in `lanes` lanes. */
function timeline(title, n, lanes) {
  const events = [];
  for (let i = 0; i < n; i += 1) {
    const start = Date.UTC(2024, 4, 1, 8, 0) + i * 45 * 60000;
    events.push({
      lane: `lane-${i % lanes}`,
      kind: i % 3 === 2 ? 'milestone' : 'outage',
      ...(i % 3 === 2
        ? { at: new Date(start).toISOString() }
        : { start: new Date(start).toISOString(), end: new Date(start + 20 * 60000).toISOString() }),
      title: `${title} event ${i + 1}`,
    });
  }
  return { version: 1, title, timezone: 'UTC', events };
}

test('.data: an object renders; another object re-renders', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    const first = timeline('First', 5, 2);
    const second = timeline('Second', 12, 3);
    // Set before the element is connected: the usual pattern of a framework.
    await p.page.evaluate((data) => {
      const el = document.createElement('incident-timeline');
      el.id = 'd';
      el.data = data;
      document.querySelector('#host').append(el);
    }, first);
    await p.waitForState('#d', 'ready');
    const ready1 = await p.waitForEvent('d', 'ready', 1);
    assert.deepEqual(ready1.detail, { title: 'First', events: 5, lanes: 2 });
    assert.equal(await p.page.evaluate(() => document.querySelector('#d').data.title), 'First');
    const before = await canvasDigest(p.page, '#d');

    // Set on the connected element: loads again, fires ready again.
    const state = await p.page.evaluate((data) => {
      const el = document.querySelector('#d');
      el.data = data;
      return el.state;
    }, second);
    assert.equal(state, 'loading', 'setting .data starts a new load at once');
    await p.waitForState('#d', 'ready');
    const ready2 = await p.waitForEvent('d', 'ready', 2);
    assert.deepEqual(ready2.detail, { title: 'Second', events: 12, lanes: 3 });
    assert.notEqual(await canvasDigest(p.page, '#d'), before, 'the canvas was redrawn');
    assert.equal((await p.events('ready', 'd')).length, 2);
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('timeline attribute: JSON in an attribute renders, a change re-renders, .data wins over it, bad JSON is a readable error', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    // As an HTML page writes it: the JSON, entity-escaped, in the attribute.
    const json = JSON.stringify(timeline('Attribute & "quotes"', 4, 2));
    const escaped = json.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    await p.page.evaluate((html) => {
      document.querySelector('#host').innerHTML = html;
    }, `<incident-timeline id="a" timeline="${escaped}"><p>Fallback</p></incident-timeline>`);
    await p.waitForState('#a', 'ready');
    assert.deepEqual((await p.waitForEvent('a', 'ready', 1)).detail, { title: 'Attribute & "quotes"', events: 4, lanes: 2 });
    const first = await canvasDigest(p.page, '#a');

    await p.page.evaluate((data) => document.querySelector('#a').setAttribute('timeline', JSON.stringify(data)), timeline('Changed', 7, 3));
    assert.deepEqual((await p.waitForEvent('a', 'ready', 2)).detail, { title: 'Changed', events: 7, lanes: 3 });
    assert.notEqual(await canvasDigest(p.page, '#a'), first, 'redrawn');

    await p.page.evaluate((data) => (document.querySelector('#a').data = data), timeline('From .data', 2, 1));
    assert.deepEqual((await p.waitForEvent('a', 'ready', 3)).detail, { title: 'From .data', events: 2, lanes: 1 });

    await p.page.evaluate(() => {
      const el = document.createElement('incident-timeline');
      el.id = 'bad';
      el.setAttribute('timeline', '{"version": 1, "events": [}');
      el.innerHTML = '<p>Kept</p>';
      document.querySelector('#host').append(el);
    });
    await p.waitForState('#bad', 'error');
    const error = await p.waitForEvent('bad', 'error');
    assert.match(error.detail.message, /JSON/);
    assert.equal(await p.page.evaluate(() => document.querySelector('#bad > p').textContent), 'Kept', "the author's fallback stays");
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('nothing given: idle with the fallback shown and a console warning, no error; .data set later (after an await) loads', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    const warnings = [];
    p.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await p.page.evaluate(() => {
      document.querySelector('#host').innerHTML = '<incident-timeline id="empty"><p>Fallback</p></incident-timeline>';
    });
    await p.page.waitForFunction(() => document.querySelector('#empty').state === 'idle');
    await p.frames();
    assert.equal(await p.page.evaluate(() => document.querySelector('#empty > p').checkVisibility()), true, 'the fallback shows');
    assert.deepEqual(await p.events('error'), [], 'no error event: nothing is wrong with a timeline');
    assert.ok(warnings.some((w) => w.includes('no timeline given yet')), JSON.stringify(warnings));

    await p.page.evaluate((data) => (document.querySelector('#empty').data = data), timeline('Late', 3, 1));
    await p.waitForState('#empty', 'ready');
    assert.deepEqual((await p.waitForEvent('empty', 'ready')).detail, { title: 'Late', events: 3, lanes: 1 });
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('theme and time-zone attributes re-render; an unknown time zone is a readable error', async () => {
  const p = await h.openPage('/test/attributes.html');
  try {
    await p.waitForState('#w', 'ready');
    await p.waitForEvent('w', 'ready');
    assertColor(await canvasPixel(p.page, '#w', 1, 1), '#ffffff', 2, 'light background:');

    // theme=dark: a dark background, and the dark theme's critical-outage colour.
    await p.page.evaluate(() => document.querySelector('#w').setAttribute('theme', 'dark'));
    await p.waitForState('#w', 'ready');
    assertColor(await canvasPixel(p.page, '#w', 1, 1), '#0d1117', 2, 'dark background:');
    const dark = await inspectCanvas(p.page, '#w', { color: rgb('#ff9492') });
    assert.ok(dark.total >= 400, `${dark.total} pixels of the dark critical-outage colour`);
    const light = await inspectCanvas(p.page, '#w', { color: rgb('#8e1519') });
    assert.equal(light.total, 0, 'no light-theme outage colour left');

    // time-zone: redrawn (the axis and the zone note change), no error.
    const la = await canvasDigest(p.page, '#w');
    await p.page.evaluate(() => document.querySelector('#w').setAttribute('time-zone', 'UTC'));
    await p.waitForState('#w', 'ready');
    const utc = await canvasDigest(p.page, '#w');
    assert.notEqual(utc, la, 'the canvas changed with the time zone');
    assert.equal(await p.errorText('#w'), '');
    assert.deepEqual(await p.events('error'), []);

    // An unknown zone: an error naming it, in the widget's box and event.
    await p.page.evaluate(() => document.querySelector('#w').setAttribute('time-zone', 'Mars/Base'));
    await p.waitForState('#w', 'error');
    await p.frames(); // the error box resizes the element: no second attempt, no second event
    assert.equal(await p.page.evaluate(() => document.querySelector('#w').state), 'error');
    assert.match(await p.errorText('#w'), /Mars\/Base/);
    const errors = await p.events('error', 'w');
    assert.equal(errors.length, 1);
    assert.match(errors[0].detail.message, /Mars\/Base/);

    // Fixing the attribute brings the chart back.
    await p.page.evaluate(() => document.querySelector('#w').setAttribute('time-zone', 'UTC'));
    await p.waitForState('#w', 'ready');
    assert.equal(await p.errorText('#w'), '');
    assert.equal(await canvasDigest(p.page, '#w'), utc, 'the same chart as before the bad zone');

    // The ready events: the first load, and the recovery; still one error.
    await p.frames();
    assert.equal((await p.events('error', 'w')).length, 1);
    assert.equal((await p.events('ready', 'w')).length, 2);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a degraded event without impact: drawn hatched, and "share not stated" in the table, the announcement and the summary', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    const data = {
      version: 1, title: 'Unknown share', timezone: 'UTC', events: [
        { lane: 'api', kind: 'outage', title: 'Down', start: '2024-05-01T10:00Z', end: '2024-05-01T10:25Z' },
        { lane: 'api', kind: 'degraded', title: 'Slow, share unknown', start: '2024-05-01T10:15Z', end: '2024-05-01T11:35Z' },
      ],
    };
    await p.page.evaluate((d) => {
      const el = document.createElement('incident-timeline');
      el.id = 'u';
      el.data = d;
      document.querySelector('#host').append(el);
    }, data);
    await p.waitForState('#u', 'ready');
    await p.page.evaluate(() => document.querySelector('#u').tableReady);
    const rows = await p.page.evaluate(() => [...document.querySelector('#u').shadowRoot.querySelectorAll('tbody tr')]
      .map((tr) => [...tr.children].map((c) => c.textContent)));
    const slow = rows.find((r) => r.includes('Slow, share unknown'));
    assert.ok(slow, JSON.stringify(rows));
    assert.ok(slow.includes('share not stated'), JSON.stringify(slow));
    // Keyboard: the second event (time order) is the degraded one; its announcement says so.
    await p.page.evaluate(() => document.querySelector('#u').shadowRoot.querySelector('.chart').focus());
    await p.page.keyboard.press('ArrowRight');
    await p.page.keyboard.press('ArrowRight');
    const live = await p.page.evaluate(() => document.querySelector('#u').shadowRoot.querySelector('[aria-live]').textContent);
    assert.match(live, /Slow, share unknown.*share not stated/);
    // The hatched body: along some row of pixels the degraded colour comes
    // and goes every few pixels (stripes), which no solid bar does.
    const runs = await p.page.evaluate(() => {
      const c = document.querySelector('#u').canvas;
      const { data, width, height } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      const near = (i) => Math.abs(data[i] - 154) + Math.abs(data[i + 1] - 103) + Math.abs(data[i + 2]) < 90;
      let most = 0;
      for (let y = 0; y < height; y += 1) {
        let n = 0;
        let prev = false;
        for (let x = 0; x < width; x += 1) {
          const on = near((y * width + x) * 4);
          if (on && !prev) n += 1;
          prev = on;
        }
        most = Math.max(most, n);
      }
      return most;
    });
    assert.ok(runs >= 20, `stripes across the degraded bar: ${runs} runs of its colour in one row`);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a JSON text that ends too early points at its end (the browser\'s message names no place; the full core says where)', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    const text = '{\n  "version": 1,\n  "events": [\n    { "kind": "outage", "title": "x"';
    await p.page.evaluate((t) => {
      const el = document.createElement('incident-timeline');
      el.id = 'j';
      el.data = t;
      document.querySelector('#host').append(el);
    }, text);
    await p.waitForState('#j', 'error');
    const [error] = await p.events('error', 'j');
    const [problem] = error.detail.problems;
    const lines = text.split('\n');
    assert.deepEqual([problem.line, problem.column], [lines.length, lines.at(-1).length + 1], JSON.stringify(problem));
    assert.match(problem.message, /^the JSON ends too early/);
    // And a stray character inside: the place of that character.
    await p.page.evaluate(() => { document.querySelector('#j').data = '{"version": 1, "events": [] x}'; });
    await p.waitForEvent('j', 'error', 2);
    const second = (await p.events('error', 'j'))[1].detail.problems[0];
    assert.deepEqual([second.line, second.column], [1, 29], JSON.stringify(second));
  } finally {
    await p.close();
  }
});
