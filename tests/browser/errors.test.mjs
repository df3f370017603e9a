// Bad input never breaks the host page: each broken widget shows a readable
// error in its own shadow-root box, fires incident-timeline:error, keeps
// the author's fallback, and the widgets next to it still render.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness } from './harness.mjs';

let h;
before(async () => {
  h = await startHarness({
    routes: {
      // A server that answers a wrong path with its HTML app shell, 200.
      '/test/html-page': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html>\n<html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>\n');
      },
    },
  });
});
after(() => h?.close());

/** The error box of a widget, read in the page. */
function errorBox(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const boxes = el.shadowRoot.querySelectorAll('.error');
    const box = boxes[0];
    return {
      count: boxes.length,
      role: box.getAttribute('role'),
      visible: box.checkVisibility(),
      height: box.getBoundingClientRect().height,
      text: box.textContent,
      inLightDom: el.querySelectorAll('.error').length,
      canvasVisible: el.shadowRoot.querySelector('canvas').checkVisibility(),
    };
  }, selector);
}

/** The author's light-DOM fallback of a widget, compared with the page source. */
function fallbackOf(page, selector, path) {
  return page.evaluate(
    async ({ sel, path }) => {
      const el = document.querySelector(sel);
      const source = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
      const original = source.querySelector(sel);
      const div = el.querySelector(':scope > .fallback');
      const box = div.getBoundingClientRect();
      return {
        same: el.innerHTML === original.innerHTML,
        visible: div.checkVisibility(),
        sized: box.width > 0 && box.height > 0,
      };
    },
    { sel: selector, path },
  );
}

test('a page with broken, semantically wrong and good widgets', async () => {
  const p = await h.openPage('/test/errors.html');
  try {
    assert.equal(await p.waitForState('#syntax', 'error'), 'error');
    assert.equal(await p.waitForState('#semantic', 'error'), 'error');
    assert.equal(await p.waitForState('#inline-ok', 'ready'), 'ready');
    assert.equal(await p.waitForState('#src-ok', 'ready'), 'ready');
    await p.frames(); // any resize-driven redraws have run

    // Syntax error: where the parser stopped, line 3, at "events".
    const json = await p.page.evaluate(() => document.querySelector('#syntax > script').textContent);
    const line3 = json.split('\n')[2];
    assert.match(line3, /"Missing comma" "events"/, 'the fixture has its missing comma on line 3');
    const column = line3.indexOf('"events"') + 1;

    const syntax = await errorBox(p.page, '#syntax');
    assert.equal(syntax.count, 1);
    assert.equal(syntax.role, 'alert');
    assert.equal(syntax.visible, true);
    assert.ok(syntax.height > 0);
    assert.equal(syntax.inLightDom, 0, 'the error is in the shadow root, not in the author\'s DOM');
    assert.equal(syntax.canvasVisible, false);
    assert.match(syntax.text, /could not be shown/);
    assert.match(syntax.text, /line 3\b/);
    assert.match(syntax.text, /column \d+/);
    assert.ok(syntax.text.includes(`line 3, column ${column}`), syntax.text);
    assert.match(syntax.text, /JSON syntax error/);

    const syntaxErrors = await p.events('error', 'syntax');
    assert.equal(syntaxErrors.length, 1);
    assert.equal(syntaxErrors[0].bubbles, true);
    assert.equal(syntaxErrors[0].composed, true);
    assert.equal(syntaxErrors[0].detail.problems[0].line, 3);
    assert.equal(syntaxErrors[0].detail.problems[0].column, column);
    assert.equal(syntaxErrors[0].detail.problems.length, 1);
    assert.match(syntaxErrors[0].detail.message, /line 3, column \d+/);

    // Semantic error: named by its JSON path.
    const semantic = await errorBox(p.page, '#semantic');
    assert.equal(semantic.role, 'alert');
    assert.equal(semantic.visible, true);
    assert.ok(semantic.text.includes('events[0].end'), semantic.text);
    const semanticErrors = await p.events('error', 'semantic');
    assert.equal(semanticErrors.length, 1);
    assert.equal(semanticErrors[0].detail.problems[0].path, 'events[0].end');

    // The good widgets drew, and showed no error.
    for (const id of ['inline-ok', 'src-ok']) {
      const box = await errorBox(p.page, `#${id}`);
      assert.equal(box.visible, false, `${id}: error box hidden`);
      assert.equal(box.canvasVisible, true, `${id}: canvas shown`);
      assert.equal((await p.events('ready', id)).length, 1, `${id}: ready fired`);
      assert.deepEqual(await p.events('error', id), [], `${id}: no error event`);
    }
    assert.deepEqual((await p.events('ready', 'inline-ok'))[0].detail, { title: 'Checkout errors', events: 3, lanes: 2 });

    // The broken widgets keep the author's fallback, shown.
    for (const sel of ['#syntax', '#semantic']) {
      assert.deepEqual(await fallbackOf(p.page, sel, '/test/errors.html'), { same: true, visible: true, sized: true }, sel);
    }

    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('src answering 404 or an HTML page: a readable error each, fallback kept', async () => {
  const p = await h.openPage('/test/load-errors.html', { expectedHttpErrors: [/\/test\/missing-timeline\.json$/] });
  try {
    assert.equal(await p.waitForState('#missing', 'error'), 'error');
    assert.equal(await p.waitForState('#html', 'error'), 'error');
    await p.frames();

    const missing = await errorBox(p.page, '#missing');
    assert.equal(missing.role, 'alert');
    assert.equal(missing.visible, true);
    assert.match(missing.text, /HTTP 404/);
    assert.ok(missing.text.includes('/test/missing-timeline.json'), missing.text);
    const html = await errorBox(p.page, '#html');
    assert.equal(html.role, 'alert');
    assert.equal(html.visible, true);
    assert.match(html.text, /HTML/);
    assert.ok(html.text.includes('/test/html-page'), html.text);

    for (const [id, pattern] of [['missing', /HTTP 404/], ['html', /HTML/]]) {
      const events = await p.events('error', id);
      assert.equal(events.length, 1, `${id}: one error event`);
      assert.equal(events[0].composed, true);
      assert.match(events[0].detail.message, pattern);
      assert.deepEqual(await p.events('ready', id), []);
      assert.deepEqual(await fallbackOf(p.page, `#${id}`, '/test/load-errors.html'), { same: true, visible: true, sized: true }, id);
    }

    // The 404 really happened (and is the only HTTP error the page had).
    assert.ok(p.log.requests.some((u) => u.endsWith('/test/missing-timeline.json')));
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a timeline with problems when the full core cannot load: the chart still says it has problems; a good one beside it draws', async () => {
  const p = await h.openPage('/test/blank.html', { expectedHttpErrors: [/\/pkg\/incident-timeline-import\.js$/] });
  try {
    // The chunk that carries the full core (and the problems' messages) is gone.
    await p.page.route('**/pkg/incident-timeline-import.js', (route) => route.fulfill({ status: 404, body: '' }));
    await p.page.evaluate(() => {
      const make = (id, data) => {
        const el = document.createElement('incident-timeline');
        el.id = id;
        el.data = data;
        document.querySelector('#host').append(el);
      };
      make('broken', { version: 1, events: [{ kind: 'incident', title: 'x', start: '2024-05-01T08:00Z' }] });
      make('good', { version: 1, events: [{ kind: 'outage', title: 'x', start: '2024-05-01T08:00Z', end: '2024-05-01T09:00Z' }] });
    });
    await p.waitForState('#broken', 'error');
    await p.waitForState('#good', 'ready');
    const box = await errorBox(p.page, '#broken');
    assert.equal(box.visible, true);
    assert.equal(box.text, 'This incident timeline could not be shown.this timeline has problems, and what they are could not be loaded');
    assert.ok(p.log.requests.some((u) => u.endsWith('/pkg/incident-timeline-import.js')), 'the full core was asked for');
    // Nothing else went wrong in the page: only the chunk that was taken away failed.
    const others = (await p.problems()).filter((line) => !/\/pkg\/incident-timeline-import\.js$/.test(line));
    assert.deepEqual(others, []);
  } finally {
    await p.close();
  }
});

test('a script and a wasm of different releases (the full core\'s wasm served as the widget\'s): the widget says so, keeps its fallback, and the page has no other error', async () => {
  const other = readFileSync(new URL('../../pkg/incident_timeline_bg.wasm', import.meta.url));
  const p = await h.openPage('/post-json.html', {
    setup: (page) =>
      page.route('**/pkg/incident_timeline_widget_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: other })),
  });
  try {
    await p.waitForState('#postmortem', 'error');
    const box = await errorBox(p.page, '#postmortem');
    assert.equal(box.visible, true);
    assert.match(box.text, /the incident-timeline script and wasm are from different releases/);
    assert.equal(box.canvasVisible, false);
    assert.deepEqual(await p.events('ready', 'postmortem'), []);
    assert.deepEqual(await fallbackOf(p.page, '#postmortem', '/post-json.html'), { same: true, visible: true, sized: true });
    await p.assertClean();
  } finally {
    await p.close();
  }
});
