// The core browser tests, written once and run in Chromium, Firefox and
// WebKit (through the engine-neutral layer of engines.mjs): the demo draws
// and hides its fallback; bad input shows in the error box; the keyboard
// walk with the live region; the tooltip's times in PST; the time-zone
// switch; a strict CSP; the injection corpus; the lifecycle (moved, src
// switched quickly); a chart taller than the window, painted as it is
// scrolled to; the playground under the CSP (a chart, a problem placed
// and gone to). The deeper Chromium-only tests stay in the other files.
// Where engines differ (WebKit's JSON.parse names no place in its syntax
// errors), the widget does not rely on them, and the test checks that every
// engine shows the same.
// Screenshots go to tests/artifacts/ (git-ignored).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINES, launch, startSite, htmlRoute } from './engines.mjs';
import { inspectCanvas, rgb } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const seed = JSON.parse(readFileSync(new URL('www/examples/seed-postmortem.json', ROOT), 'utf8'));
const FIXTURE_TEXT = readFileSync(new URL('tests/fixtures/injection.json', ROOT), 'utf8');
const FIXTURE = JSON.parse(FIXTURE_TEXT);
const ARTIFACTS = fileURLToPath(new URL('tests/artifacts/', ROOT));
mkdirSync(ARTIFACTS, { recursive: true });

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const CRITICAL_OUTAGE_LIGHT = '#8e1519';
const LANE_BAND_LIGHT = '#f6f8fa';
/** Elements the widget itself makes in its shadow root. */
const WIDGET_TAGS = new Set([
  'a', 'button', 'canvas', 'caption', 'dd', 'div', 'dl', 'dt', 'h3', 'li', 'option', 'p', 'select', 'slot',
  'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

// ---- the seed, read here (expectations do not come from the widget) ----

assert.equal(seed.timezone, 'America/Los_Angeles');
/** Start of a seed event in ms; the seed's dates (7-9 December 2022) are all in PST. */
function startOf(e) {
  const s = e.start || e.at;
  return Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(s) ? s : `${s}-08:00`);
}
/** The wall-clock start as the widget writes it in the seed's zone ("8:24"). */
function clockOf(e) {
  const [, hh, mm] = /T(\d\d):(\d\d)/.exec(e.start || e.at);
  return `${Number(hh) % 12 || 12}:${mm}`;
}
const laneLabel = (e) => seed.lanes.find((l) => l.id === e.lane).label;
const firstOutage = seed.events.find((e) => e.id === 'outage-1');

/** A one-event timeline titled `title` (and its end milestone). */
function doc(title) {
  const start = Date.UTC(2024, 4, 1, 8, 0);
  return {
    version: 1,
    title,
    timezone: 'UTC',
    events: [
      { kind: 'outage', title: `${title}: outage`, start: new Date(start).toISOString(), end: new Date(start + 30 * 60000).toISOString() },
      { kind: 'milestone', title: `${title}: resolved`, at: new Date(start + 40 * 60000).toISOString() },
    ],
  };
}

/** The injection fixture served as inline JSON, `<` escaped as a page must write it. */
function inlineInjectionPage() {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inline hostile JSON</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script src="/pkg/incident-timeline.js"></script></head>
<body><p id="before">Before.</p><main id="host"></main>
<incident-timeline id="inline"><script type="application/json">${FIXTURE_TEXT.replace(/</g, '\\u003c')}</script><p class="fallback">Fallback.</p></incident-timeline>
<p id="after">After.</p></body></html>`;
}

/** Requests to /test/slow.json, by title: 'answered' or 'aborted'. */
const fates = new Map();

const ROUTES = {
  // A server that answers a wrong path with its HTML app shell, 200.
  '/test/html-page': (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html>\n<html><head><title>Home</title></head><body><h1>Welcome</h1></body></html>\n');
  },
  '/test/injection.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(FIXTURE_TEXT);
  },
  '/test/injection-inline.html': htmlRoute(inlineInjectionPage),
  // The demo and the examples page with the strict CSP header.
  '/csp/': htmlRoute(() => readFileSync(new URL('www/index.html', ROOT), 'utf8').replace('<head>', '<head><base href="/">'), { 'content-security-policy': CSP }),
  '/csp/examples.html': htmlRoute(() => readFileSync(new URL('www/examples.html', ROOT), 'utf8').replace('<head>', '<head><base href="/">'), { 'content-security-policy': CSP }),
  '/csp/playground.html': htmlRoute(() => readFileSync(new URL('www/playground.html', ROOT), 'utf8').replace('<head>', '<head><base href="/">'), { 'content-security-policy': CSP }),
  // The demo's chart in a browser without constructable stylesheets (as
  // Safari before 16.4 and Firefox before 101): the page removes them first.
  '/test/no-constructable.html': htmlRoute(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>No constructable stylesheets</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script>
  delete ShadowRoot.prototype.adoptedStyleSheets;
  delete Document.prototype.adoptedStyleSheets;
  delete CSSStyleSheet.prototype.replaceSync;
</script>
<script src="/pkg/incident-timeline.js"></script></head>
<body><incident-timeline id="postmortem" src="/examples/seed-postmortem.json"><p class="fallback">Fallback.</p></incident-timeline></body></html>`),
  // /test/slow.json?title=A&ms=1500: a timeline titled A, after ms.
  '/test/slow.json': (req, res, url) => {
    const title = url.searchParams.get('title');
    const timer = setTimeout(() => {
      fates.set(title, 'answered');
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(doc(title)));
    }, Number(url.searchParams.get('ms') || 0));
    res.on('close', () => {
      if (!res.writableFinished) {
        clearTimeout(timer);
        fates.set(title, 'aborted');
      }
    });
  },
};

// ---- in-page helpers (functions evaluated in the page: no closures) ----

/** Runs `fn(shadowRoot, element, ...args)` in the page. */
/** Waits until the element's table is complete (it is built in idle time, after the paint). */
function tableReady(p, selector) {
  return p.evaluate(`document.querySelector(${JSON.stringify(selector)}).tableReady.then(() => true)`);
}

function inShadow(p, selector, fn, ...args) {
  return p.evaluate(
    `(() => { const el = document.querySelector(${JSON.stringify(selector)}); ` +
      `return (${fn})(el.shadowRoot, el, ...${JSON.stringify(args)}); })()`,
  );
}

/** What a reader sees and hears of the widget right now. */
function widgetState(p, selector = '#postmortem') {
  return inShadow(p, selector, (root, el) => {
    const box = (n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const tip = root.querySelector('.tip');
    const details = root.querySelector('.details');
    const focus = root.querySelector('.focus');
    return {
      chartFocused: document.activeElement === el && root.activeElement === root.querySelector('.chart'),
      live: root.querySelector('[aria-live]').textContent,
      tip: tip.checkVisibility() ? { text: tip.innerText, box: box(tip) } : null,
      details: details.checkVisibility() ? { title: details.querySelector('h3')?.textContent, text: details.innerText, box: box(details) } : null,
      focusRing: focus.checkVisibility() ? box(focus) : null,
      zone: root.querySelector('select').value,
      zoneLabel: root.querySelector('select').selectedOptions[0]?.textContent,
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    };
  });
}

/** A hash of the widget's canvas pixels (FNV-1a: no crypto.subtle needed). */
function canvasDigest(p, selector) {
  return p.evaluate((sel) => {
    const canvas = document.querySelector(sel).shadowRoot.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let h = 0x811c9dc5;
    for (let i = 0; i < data.length; i += 1) h = Math.imul(h ^ data[i], 0x01000193);
    return `${canvas.width}x${canvas.height}:${(h >>> 0).toString(16)}`;
  }, selector);
}

/** Where (page coordinates) the first critical outage is drawn: the first run of its colour in the first lane band. */
async function firstOutageAt(p, selector = '#postmortem') {
  const px = await inspectCanvas(p, selector, { color: rgb(CRITICAL_OUTAGE_LIGHT), band: rgb(LANE_BAND_LIGHT), tolerance: 2 });
  assert.ok(px.bands.length >= 2, `lane bands: ${JSON.stringify(px.bands)}`);
  const web = px.inBands[0];
  assert.equal(web.runs.length, 4, `the four critical outages of the web lane: ${JSON.stringify(web.runs)}`);
  const run = web.runs[0];
  const canvas = await inShadow(p, selector, (root) => {
    const r = root.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  // The bars' row: the first rows of the band holding the colour (a lane
  // band also holds callout rows under its bars since #16).
  let top = web.top;
  while (top < web.bottom && !px.perRow[top]) top += 1;
  let bottom = top;
  while (bottom < web.bottom && px.perRow[bottom]) bottom += 1;
  return { x: canvas.x + (run.left + run.right) / 2, y: canvas.y + (top + bottom) / 2 };
}

/** Moves the pointer onto the first outage; returns the tooltip. */
async function hoverFirstOutage(p, selector = '#postmortem') {
  const at = await firstOutageAt(p, selector);
  await p.mouseMove(1, 1);
  await p.mouseMove(at.x - 1, at.y);
  await p.mouseMove(at.x, at.y);
  await p.waitFor((sel) => document.querySelector(sel).shadowRoot.querySelector('.tip').checkVisibility(), selector);
  return (await widgetState(p, selector)).tip;
}

function focusChart(p, selector) {
  return inShadow(p, selector, (root) => {
    root.querySelector('.chart').focus();
    return null;
  });
}

/** Every element in a widget's shadow root is one the widget makes; no handlers, no stray URLs. */
async function assertShadowClean(p, selector) {
  const { tags, bad } = await inShadow(p, selector, (root) => {
    const tags = new Set();
    const bad = [];
    for (const n of root.querySelectorAll('*')) {
      tags.add(n.localName);
      for (const a of n.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${n.localName}[${a.name}]`);
        if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href'].includes(a.name)) bad.push(`${n.localName}[${a.name}=${a.value}]`);
        if (a.name === 'href' && !(n.localName === 'a' && /^https?:\/\//i.test(a.value))) bad.push(`${n.localName}[href=${a.value}]`);
      }
    }
    return { tags: [...tags].sort(), bad };
  });
  assert.deepEqual(tags.filter((t) => !WIDGET_TAGS.has(t)), [], `${selector}: elements the widget does not make`);
  assert.deepEqual(bad, [], `${selector}: attributes the widget does not set`);
}

/** Nothing ran, asked or fetched that the page's content should not have. */
async function assertNothingRan(p, what) {
  const probe = await p.probe();
  assert.deepEqual(probe.pwned, [], `${what}: a payload ran`);
  assert.equal(await p.evaluate(() => window.__pwned ?? null), null, `${what}: window.__pwned was set`);
  assert.deepEqual(await p.dialogs(), [], `${what}: a payload opened a dialog`);
  const stray = p.requests().map((r) => r.path).filter((u) => /\/pwned\/|example\.invalid|javascript:/i.test(u));
  assert.deepEqual(stray, [], `${what}: requests a payload made`);
}

/** The page's own markup: ids in <body>, hostile elements in the light DOM, its own texts. */
function pageShape(p) {
  return p.evaluate(() => ({
    ids: [...document.body.querySelectorAll('[id]')].map((e) => e.id),
    hostile: document.querySelectorAll('img, iframe, svg, math, style, script:not([src]):not([type="application/json"]), b, u').length,
    text: ['before', 'between', 'after'].map((id) => document.getElementById(id)?.textContent ?? null),
  }));
}

/** The error box of a widget, and its fallback compared with the page source. */
function errorBox(p, selector, path) {
  return p.evaluate(
    async (sel, path) => {
      const el = document.querySelector(sel);
      const boxes = el.shadowRoot.querySelectorAll('.error');
      const box = boxes[0];
      const source = new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
      const fallback = el.querySelector(':scope > .fallback');
      const r = fallback.getBoundingClientRect();
      return {
        count: boxes.length,
        role: box.getAttribute('role'),
        visible: box.checkVisibility(),
        text: box.textContent,
        tags: [...box.querySelectorAll('*')].map((n) => n.localName),
        inLightDom: el.querySelectorAll('.error').length,
        canvasVisible: el.shadowRoot.querySelector('canvas').checkVisibility(),
        fallback: {
          same: el.innerHTML === source.querySelector(sel).innerHTML,
          visible: fallback.checkVisibility(),
          sized: r.width > 0 && r.height > 0,
        },
      };
    },
    selector,
    path,
  );
}

/** Adds a widget to #host: `data` as .data, or `src`/attributes. */
function addWidget(p, id, { data, src, attrs = {} } = {}) {
  return p.evaluate(
    (id, data, src, attrs) => {
      const el = document.createElement('incident-timeline');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (src) el.setAttribute('src', src);
      if (data !== null) el.data = data;
      const fallback = document.createElement('p');
      fallback.textContent = `Fallback of ${id}.`;
      el.append(fallback);
      document.querySelector('#host').append(el);
      return null;
    },
    id,
    data === undefined ? null : data,
    src || null,
    attrs,
  );
}

// ---- the tests, each `(b) => ...` with b the engine under test (launch()) ----

const TESTS = [];
const shared = (name, body) => TESTS.push([name, body]);

shared('the demo draws #postmortem, fires ready once, hides its fallback untouched, no page errors; follows a narrower window', async (b) => {
  const p = await b.open('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const ready = await p.waitForEvent('postmortem', 'ready');
    assert.equal(ready.bubbles, true);
    assert.equal(ready.composed, true);
    assert.deepEqual(ready.detail, { title: seed.title, events: 30, lanes: seed.lanes.length });
    assert.equal((await p.events('ready', 'postmortem')).length, 1, 'ready fires once');
    assert.deepEqual(await p.events('error'), [], 'no incident-timeline:error');

    // Critical-outage pixels: the seed's four, all in the first (web) lane band.
    const criticalInWeb = seed.events.filter((e) => e.lane === 'web' && e.kind === 'outage' && e.severity === 'critical');
    assert.equal(criticalInWeb.length, 4);
    const px = await inspectCanvas(p, '#postmortem', { color: rgb(CRITICAL_OUTAGE_LIGHT), band: rgb(LANE_BAND_LIGHT) });
    assert.ok(px.width > 300 && px.height > 100, `canvas ${px.width}x${px.height}`);
    assert.ok(px.bands.length >= 2, `lane bands found: ${JSON.stringify(px.bands)}`);
    const web = px.inBands[0];
    assert.ok(web.count >= 400, `only ${web.count} critical-outage pixels in the web lane`);
    assert.equal(web.runs.length, criticalInWeb.length, `bars: ${JSON.stringify(web.runs)}`);
    assert.equal(px.perRow.slice(web.bottom).reduce((a, c) => a + c, 0), 0, 'no critical-outage colour below the web lane');

    // The fallback: still there, untouched, not displayed.
    const fallback = await p.evaluate(async () => {
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

    const shot = await p.screenshot(`${ARTIFACTS}engines-${b.engine}-demo.png`);
    assert.deepEqual(shot, { width: 1280, height: 800 }, 'the screenshot is the viewport');

    // A narrower window: the chart is laid out again at its new width (ResizeObserver).
    const wide = await inShadow(p, '#postmortem', (root) => root.querySelector('canvas').getBoundingClientRect().width);
    await p.setViewport(640, 800);
    const narrow = await p.waitFor(() => {
      const w = document.querySelector('#postmortem').shadowRoot.querySelector('canvas').getBoundingClientRect().width;
      return w <= 640 && w;
    });
    assert.ok(narrow > 300 && narrow < wide, `canvas ${wide} px wide, then ${narrow} px`);
    assert.equal((await p.events('ready', 'postmortem')).length, 1, 'a resize is no new ready');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('without constructable stylesheets the shadow root gets a <style> of its own: styled toolbar, the chart drawn, the fallback hidden', async (b) => {
  const p = await b.open('/test/no-constructable.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const look = await inShadow(p, '#postmortem', (root, el) => ({
      removed: !('adoptedStyleSheets' in root) && typeof CSSStyleSheet.prototype.replaceSync !== 'function',
      styles: root.querySelectorAll('style').length,
      toolbar: getComputedStyle(root.querySelector('.toolbar')).display,
      font: getComputedStyle(root.querySelector('button')).fontSize,
      table: root.querySelector('.table').getBoundingClientRect().width,
      fallback: el.querySelector('.fallback').checkVisibility(),
    }));
    assert.deepEqual(look, { removed: true, styles: 1, toolbar: 'flex', font: '13px', table: 1, fallback: false });
    const px = await inspectCanvas(p, '#postmortem', { color: rgb(CRITICAL_OUTAGE_LIGHT), band: rgb(LANE_BAND_LIGHT) });
    assert.equal(px.inBands[0]?.runs.length, 4, `the four critical outages: ${JSON.stringify(px.inBands[0])}`);
    const tip = await hoverFirstOutage(p);
    assert.ok(tip.text.includes('8:24') && tip.text.includes('PST'), `tooltip: ${tip.text}`);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('bad input shows in the error box: a JSON syntax error at line 3 (every engine), a semantic error by path; the good widgets draw', async (b) => {
  const p = await b.open('/test/errors.html');
  try {
    await p.waitForState('#syntax', 'error');
    await p.waitForState('#semantic', 'error');
    await p.waitForState('#inline-ok', 'ready');
    await p.waitForState('#src-ok', 'ready');
    await p.frames();

    // Where the parser stopped: line 3, at "events".
    const json = await p.evaluate(() => document.querySelector('#syntax > script').textContent);
    const line3 = json.split('\n')[2];
    assert.match(line3, /"Missing comma" "events"/, 'the fixture has its missing comma on line 3');
    const column = line3.indexOf('"events"') + 1;

    // The engine's own JSON.parse message may name no place (WebKit's:
    // "JSON Parse error: Expected '}'"): the full core reads the text again
    // and says where, the same in every engine.
    const syntax = await errorBox(p, '#syntax', '/test/errors.html');
    assert.equal(syntax.count, 1);
    assert.equal(syntax.role, 'alert');
    assert.equal(syntax.visible, true);
    assert.equal(syntax.inLightDom, 0, 'the error is in the shadow root');
    assert.equal(syntax.canvasVisible, false);
    assert.deepEqual(syntax.tags, ['strong', 'ul', 'li']);
    assert.match(syntax.text, /could not be shown/);
    assert.ok(syntax.text.includes(`line 3, column ${column}: JSON syntax error: `), syntax.text);
    assert.doesNotMatch(syntax.text, /JSON syntax error: JSON/, 'the engine\'s own prefix is not repeated');
    const [syntaxError, ...more] = await p.events('error', 'syntax');
    assert.deepEqual(more, []);
    assert.equal(syntaxError.composed, true);
    assert.equal(syntaxError.detail.problems.length, 1);
    assert.equal(syntaxError.detail.problems[0].line, 3);
    assert.equal(syntaxError.detail.problems[0].column, column);
    assert.match(syntaxError.detail.message, new RegExp(`^line 3, column ${column}: JSON syntax error: \\S`));

    const semantic = await errorBox(p, '#semantic', '/test/errors.html');
    assert.equal(semantic.visible, true);
    assert.ok(semantic.text.includes('events[0].end'), semantic.text);
    assert.equal((await p.events('error', 'semantic'))[0].detail.problems[0].path, 'events[0].end');

    // The broken widgets keep the author's fallback, shown.
    for (const box of [syntax, semantic]) assert.deepEqual(box.fallback, { same: true, visible: true, sized: true });

    // The good ones drew.
    for (const id of ['inline-ok', 'src-ok']) {
      const state = await inShadow(p, `#${id}`, (root) => ({
        error: root.querySelector('.error').checkVisibility(),
        canvas: root.querySelector('canvas').checkVisibility(),
      }));
      assert.deepEqual(state, { error: false, canvas: true }, id);
      assert.equal((await p.events('ready', id)).length, 1, `${id}: ready fired`);
      assert.deepEqual(await p.events('error', id), [], `${id}: no error event`);
    }
    assert.deepEqual((await p.events('ready', 'inline-ok'))[0].detail, { title: 'Checkout errors', events: 3, lanes: 2 });
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('src answering 404 or an HTML page: a readable error each, the fallback kept', async (b) => {
  const p = await b.open('/test/load-errors.html', { expectedHttpErrors: [/\/test\/missing-timeline\.json$/] });
  try {
    await p.waitForState('#missing', 'error');
    await p.waitForState('#html', 'error');
    const missing = await errorBox(p, '#missing', '/test/load-errors.html');
    assert.equal(missing.visible, true);
    assert.match(missing.text, /HTTP 404/);
    assert.ok(missing.text.includes(`${p.url}/test/missing-timeline.json`), missing.text);
    const html = await errorBox(p, '#html', '/test/load-errors.html');
    assert.equal(html.visible, true);
    assert.match(html.text, /returned an HTML page/);
    assert.ok(html.text.includes('/test/html-page'), html.text);
    for (const [id, box, pattern] of [['missing', missing, /HTTP 404/], ['html', html, /HTML/]]) {
      const events = await p.events('error', id);
      assert.equal(events.length, 1, `${id}: one error event`);
      assert.match(events[0].detail.message, pattern);
      assert.deepEqual(await p.events('ready', id), []);
      assert.deepEqual(box.fallback, { same: true, visible: true, sized: true }, id);
    }
    // The 404 happened, and is the page's only HTTP error.
    assert.deepEqual(p.requests().filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`), ['404 /test/missing-timeline.json']);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('keyboard: Tab reaches the chart, arrows walk every event in time order with the live region announcing, Enter/Escape open and close the details', async (b) => {
  const p = await b.open('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    let presses = 0;
    for (; presses < 20 && !(await widgetState(p)).chartFocused; presses += 1) await p.press('Tab');
    assert.ok((await widgetState(p)).chartFocused, 'Tab reached the chart');

    const heard = [];
    for (let i = 0; i < seed.events.length; i += 1) {
      await p.press('ArrowRight');
      const s = await widgetState(p);
      assert.ok(s.chartFocused, 'the focus stays on the chart');
      assert.ok(s.focusRing, 'a focus ring around the focused event');
      heard.push(s.live);
    }
    assert.ok(heard[0].startsWith(`Outage (critical), Web server: ${firstOutage.title}. `), `first announcement: ${heard[0]}`);
    assert.match(heard[0], /8:24 – 8:49 AM PST/);
    // Each announcement names another seed event (lane, title, start), never back in time.
    const used = new Set();
    let previous = -Infinity;
    for (const [k, sentence] of heard.entries()) {
      const e = seed.events
        .filter((c) => !used.has(c) && sentence.includes(`${laneLabel(c)}: ${c.title}. `) && sentence.includes(clockOf(c)))
        .sort((x, y) => startOf(x) - startOf(y))
        .find((c) => startOf(c) >= previous);
      assert.ok(e, `announcement ${k + 1} names a seed event, in time order: ${sentence}`);
      used.add(e);
      previous = startOf(e);
    }
    assert.equal(used.size, seed.events.length, 'every event was announced once');

    // At the last event ArrowRight stays put; Home goes back to the first.
    await p.press('ArrowRight');
    assert.equal((await widgetState(p)).live, heard.at(-1));
    await p.press('Home');
    assert.equal((await widgetState(p)).live, heard[0]);
    await p.press('ArrowRight');
    await p.press('ArrowRight');
    assert.equal((await widgetState(p)).details, null, 'no details before Enter');
    await p.press('Enter');
    const open = await widgetState(p);
    const third = [...used][2];
    assert.ok(open.details, 'Enter shows the details');
    assert.equal(open.details.title, third.title);
    assert.ok(open.details.text.includes(clockOf(third)), `details: ${open.details.text}`);
    assert.ok(open.details.box.top < open.viewport.height && open.details.box.bottom > 0, 'the details are scrolled into the window');
    await p.press('Escape');
    const closed = await widgetState(p);
    assert.equal(closed.details, null, 'Escape hides the details');
    assert.equal(closed.live, heard[2]);
    assert.ok(closed.chartFocused);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('hovering the first outage shows a tooltip with its times in PST; leaving hides it', async (b) => {
  const p = await b.open('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const tip = await hoverFirstOutage(p);
    assert.match(tip.text, /Connections rejected, 5XX errors/);
    for (const s of ['8:24', '8:49', 'PST']) assert.ok(tip.text.includes(s), `tooltip has "${s}": ${tip.text}`);
    const { viewport } = await widgetState(p);
    assert.ok(tip.box.left >= 0 && tip.box.top >= 0 && tip.box.right <= viewport.width && tip.box.bottom <= viewport.height, `tooltip in the window: ${JSON.stringify(tip.box)}`);
    await p.screenshot(`${ARTIFACTS}engines-${b.engine}-tooltip.png`);
    await p.mouseMove(2, 2);
    await p.waitFor(() => !document.querySelector('#postmortem').shadowRoot.querySelector('.tip').checkVisibility());

    // A click pins the details of what is under the pointer.
    const at = await firstOutageAt(p);
    await p.click(at.x, at.y);
    const s = await p.waitFor(() => document.querySelector('#postmortem').shadowRoot.querySelector('.details h3')?.textContent);
    assert.equal(s, firstOutage.title);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('time zone: the toolbar select and the time-zone attribute switch the chart and tooltips to UTC', async (b) => {
  const p = await b.open('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const pst = await canvasDigest(p, '#postmortem');
    assert.equal((await widgetState(p)).zoneLabel, 'America/Los_Angeles (timeline)');
    const choose = (value) =>
      inShadow(p, '#postmortem', (root, el, value) => {
        const select = root.querySelector('select');
        select.value = value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return select.value;
      }, value);

    assert.equal(await choose('UTC'), 'UTC');
    const viaSelect = await canvasDigest(p, '#postmortem');
    assert.notEqual(viaSelect, pst, 'the canvas (axis labels, zone note) changed');
    let tip = await hoverFirstOutage(p);
    assert.ok(tip.text.includes('4:24') && tip.text.includes('4:49 PM') && tip.text.includes('UTC'), `tooltip: ${tip.text}`);
    assert.ok(!tip.text.includes('PST'), `no PST left: ${tip.text}`);
    await p.mouseMove(2, 2);

    // Back to the timeline's zone: the same drawing as before.
    await choose('');
    assert.equal(await canvasDigest(p, '#postmortem'), pst);

    // The attribute: what the select did, and the select names the page's choice.
    await p.evaluate(() => document.querySelector('#postmortem').setAttribute('time-zone', 'UTC'));
    await p.waitForState('#postmortem', 'ready');
    assert.equal(await canvasDigest(p, '#postmortem'), viaSelect, 'time-zone="UTC" draws what the select did');
    const s = await widgetState(p);
    assert.equal(s.zone, '');
    assert.equal(s.zoneLabel, 'UTC (page)');
    tip = await hoverFirstOutage(p);
    assert.ok(tip.text.includes('4:24') && tip.text.includes('UTC') && !tip.text.includes('PST'), `tooltip: ${tip.text}`);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('strict CSP: the demo and the examples page draw every widget and work with no violation', async (b) => {
  for (const path of ['/csp/', '/csp/examples.html']) {
    const p = await b.open(path);
    try {
      const csp = await p.evaluate(async (path) => (await fetch(path)).headers.get('content-security-policy'), path);
      assert.equal(csp, CSP, `${path} is served with the strict CSP`);
      const ids = await p.evaluate(() => [...document.querySelectorAll('incident-timeline')].map((el, i) => {
        if (!el.id) el.id = `w${i}`;
        return el.id;
      }));
      assert.ok(ids.length >= (path === '/csp/' ? 1 : 5), `${path}: ${ids.length} widgets`);
      for (const id of ids) {
        await p.waitForState(`#${id}`, 'ready');
        const size = await inShadow(p, `#${id}`, (root) => [root.querySelector('canvas').width, root.querySelector('canvas').height]);
        assert.ok(size[0] > 200 && size[1] > 80, `${path} #${id}: canvas ${size}`);
      }
      // The shadow styles came as a constructable sheet: the toolbar is styled.
      const styled = await inShadow(p, `#${ids[0]}`, (root) => ({
        adopted: root.adoptedStyleSheets.length,
        toolbar: getComputedStyle(root.querySelector('.toolbar')).display,
        font: getComputedStyle(root.querySelector('button')).fontSize,
      }));
      assert.deepEqual(styled, { adopted: 1, toolbar: 'flex', font: '13px' });

      // Interaction under the CSP: zoom, the table, the keyboard and details.
      const first = `#${ids[0]}`;
      const before = await canvasDigest(p, first);
      await inShadow(p, first, (root) => root.querySelector('[data-act=in]').click() ?? null);
      assert.notEqual(await canvasDigest(p, first), before, 'zoomed');
      await inShadow(p, first, (root) => root.querySelector('[data-act=table]').click() ?? null);
      await tableReady(p, first);
      assert.equal(await inShadow(p, first, (root) => root.querySelectorAll('.table tbody tr').length > 0 && !root.querySelector('.table').classList.contains('sr-only')), true, 'the table shows');
      await focusChart(p, first);
      await p.press('Home');
      await p.press('Enter');
      assert.equal(await inShadow(p, first, (root) => root.querySelector('.details').checkVisibility()), true, 'details shown');
      await p.frames();

      assert.deepEqual((await p.probe()).violations, [], `${path}: CSP violations`);
      assert.deepEqual(await p.events('error'), [], `${path}: no widget failed`);
      await p.assertClean();

      // The listener works: an inline style is a violation on this page.
      await p.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'body { color: red }';
        document.head.append(s);
        return null;
      });
      const seen = await p.waitFor(() => window.__itProbe.violations.length > 0 && window.__itProbe.violations);
      assert.match(seen[0], /^style-src/, 'the listener sees violations on this page');
    } finally {
      await p.close();
    }
  }
});

shared('injection: every text field of the hostile corpus shows as text in tooltip, details, table and live region; nothing runs', async (b) => {
  const p = await b.open('/test/injection.html');
  try {
    const shapeBefore = await pageShape(p);
    await p.waitForState('#src', 'ready');
    await p.waitForState('#good', 'ready');
    assert.deepEqual((await p.waitForEvent('src', 'ready')).detail, { title: FIXTURE.title, events: 4, lanes: 2 });
    await assertShadowClean(p, '#src');

    // Keyboard order is time order: e1 08:00, e3 08:45, e2 09:00, e4 10:00.
    const lanes = Object.fromEntries(FIXTURE.lanes.map((l) => [l.id, l.label]));
    const inTimeOrder = ['e1', 'e3', 'e2', 'e4'].map((id) => FIXTURE.events.find((e) => e.id === id));
    await focusChart(p, '#src');
    for (const [k, e] of inTimeOrder.entries()) {
      await p.press(k === 0 ? 'Home' : 'ArrowRight');
      const live = await inShadow(p, '#src', (root) => {
        const n = root.querySelector('[aria-live]');
        return { text: n.textContent, children: n.children.length };
      });
      assert.ok(live.text.includes(e.title), `live region announces ${e.id} as text: ${live.text}`);
      assert.equal(live.children, 0);

      // Tooltip: hover the focused event (the centre of its focus ring).
      const ring = await inShadow(p, '#src', (root) => {
        const r = root.querySelector('.focus').getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await p.mouseMove(ring.x - 1, ring.y);
      await p.mouseMove(ring.x, ring.y);
      const tip = await p.waitFor((sel) => {
        const t = document.querySelector(sel).shadowRoot.querySelector('.tip');
        return !t.hidden && { title: t.querySelector('strong').textContent, text: t.textContent, children: [...t.children].map((c) => c.localName) };
      }, '#src');
      assert.deepEqual(tip.children, ['strong', 'div', 'div', 'div'], `${e.id}: the tooltip's own elements only`);
      assert.equal(tip.title, e.title, `${e.id}: title in the tooltip, verbatim`);
      assert.ok(tip.text.includes(lanes[e.lane]), `${e.id}: lane label in the tooltip, verbatim`);

      // Details: Enter pins them.
      await focusChart(p, '#src');
      await p.press('Enter');
      const details = await inShadow(p, '#src', (root) => {
        const d = root.querySelector('.details');
        return {
          hidden: d.hidden,
          title: d.querySelector('h3')?.textContent,
          detail: d.querySelector('.detail')?.textContent ?? null,
          links: [...d.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent, rel: a.rel })),
          text: d.textContent,
        };
      });
      assert.equal(details.hidden, false);
      assert.equal(details.title, e.title, `${e.id}: title in the details, verbatim`);
      assert.equal(details.detail, e.detail ?? null, `${e.id}: detail in the details, verbatim`);
      assert.ok(details.text.includes(lanes[e.lane]), `${e.id}: lane in the details`);
      assert.deepEqual(details.links, (e.links || []).map((l) => ({ href: l.url, text: l.label, rel: 'noopener noreferrer' })));
    }
    await p.press('Escape');
    await assertShadowClean(p, '#src');

    // The table: every title and lane as text, in time order.
    await inShadow(p, '#src', (root) => root.querySelector('[data-act=table]').click() ?? null);
    await tableReady(p, '#src');
    const table = await inShadow(p, '#src', (root) => {
      const t = root.querySelector('.table');
      return {
        visible: !t.classList.contains('sr-only') && t.checkVisibility(),
        caption: t.querySelector('caption')?.textContent,
        rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
      };
    });
    assert.equal(table.visible, true);
    assert.equal(table.caption, `${FIXTURE.title}: every event`);
    assert.deepEqual(table.rows.map((r) => r[2]), inTimeOrder.map((e) => e.title));
    assert.deepEqual(table.rows.map((r) => r[0]), inTimeOrder.map((e) => lanes[e.lane]));
    await assertShadowClean(p, '#src');

    assert.deepEqual(await pageShape(p), shapeBefore, 'the page around it is what it was');
    await p.frames();
    await assertNothingRan(p, 'injection.html');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('injection: inline JSON, the timeline attribute, .data, and error messages quoting hostile input, all as text', async (b) => {
  const p = await b.open('/test/injection-inline.html');
  try {
    await p.waitForState('#inline', 'ready');
    await addWidget(p, 'object', { data: FIXTURE });
    await addWidget(p, 'text', { data: FIXTURE_TEXT });
    await addWidget(p, 'attribute', { attrs: { timeline: FIXTURE_TEXT } });
    for (const sel of ['#inline', '#object', '#text', '#attribute']) {
      await p.waitForState(sel, 'ready');
      assert.deepEqual((await p.waitForEvent(sel.slice(1), 'ready')).detail, { title: FIXTURE.title, events: 4, lanes: 2 }, sel);
      await inShadow(p, sel, (root) => root.querySelector('[data-act=table]').click() ?? null);
      await tableReady(p, sel);
      assert.equal(await inShadow(p, sel, (root) => root.querySelector('caption').textContent), `${FIXTURE.title}: every event`, sel);
      await assertShadowClean(p, sel);
    }

    // Errors that quote what they reject show it as text.
    const kind = `<img src=/pwned/kind onerror="window.__pwned='kind'">`;
    const link = "javascript:window.__pwned='link'";
    const zone = `<img src=/pwned/zone onerror="window.__pwned='zone'">`;
    const cases = [
      ['kind', { data: { version: 1, events: [{ kind, title: 'x', start: '2024-05-01T08:00Z' }] } }, (items) => assert.deepEqual(items, [`events[0].kind: unknown kind "${kind}"; use one of outage, degraded, maintenance, activity or milestone`])],
      ['link', { data: { version: 1, events: [{ kind: 'outage', title: 'x', start: '2024-05-01T08:00Z', links: [{ url: link, label: '<b>x</b>' }] }] } }, (items) => assert.deepEqual(items, ['events[0].links[0].url: only http and https links are allowed, not "javascript:"'])],
      ['zone', { data: FIXTURE, attrs: { 'time-zone': zone } }, (items) => assert.ok(items.length === 1 && items[0].includes(`"${zone}" is not a time zone`), items[0])],
      ['syntax', { data: `{"version": 1, "events": <img src=/pwned/syntax onerror=alert(1)>}` }, (items) => assert.ok(items.length === 1 && /JSON syntax error: /.test(items[0]), items[0])],
    ];
    for (const [id, props, check] of cases) {
      await addWidget(p, id, props);
      await p.waitForState(`#${id}`, 'error');
      const box = await inShadow(p, `#${id}`, (root) => {
        const box = root.querySelector('.error');
        return { visible: box.checkVisibility(), items: [...box.querySelectorAll('li')].map((li) => li.textContent), tags: [...new Set([...box.querySelectorAll('*')].map((n) => n.localName))].sort() };
      });
      assert.equal(box.visible, true, id);
      assert.deepEqual(box.tags, ['li', 'strong', 'ul'], `${id}: the error box's own elements only`);
      check(box.items);
      assert.equal((await p.events('error', id))[0].detail.message, box.items.join('\n'), `${id}: the event's message is the box's text`);
      await assertShadowClean(p, `#${id}`);
    }
    assert.deepEqual(await p.evaluate(() => ['before', 'after'].map((id) => document.getElementById(id).textContent)), ['Before.', 'After.']);
    await p.frames();
    await assertNothingRan(p, 'inline JSON, attribute, .data, errors');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('lifecycle: removed and added again it draws the same chart each time; src switched faster than loads finish: the last one wins', async (b) => {
  const p = await b.open('/test/lifecycle.html');
  try {
    await p.waitFor(() => !!(window.__itCore && customElements.get('incident-timeline')));
    await addWidget(p, 'w', { data: doc('Moved around') });
    await p.waitForEvent('w', 'ready', 1);
    const first = await canvasDigest(p, '#w');
    for (let i = 0; i < 10; i += 1) {
      await p.evaluate((i) => {
        const el = document.querySelector('#w');
        el.remove();
        (i % 2 ? document.querySelector('#host') : document.body).append(el);
        return null;
      }, i);
      await p.waitForEvent('w', 'ready', i + 2);
      await p.waitForState('#w', 'ready');
    }
    await p.frames();
    assert.equal(await canvasDigest(p, '#w'), first, 'the same chart after 10 moves');

    // Slow, slower, then fast: C answers first and is what stays.
    fates.clear();
    await addWidget(p, 's', { src: '/test/slow.json?title=A&ms=1500' });
    await p.evaluate(() => {
      const el = document.querySelector('#s');
      el.setAttribute('src', '/test/slow.json?title=B&ms=800');
      el.setAttribute('src', '/test/slow.json?title=C&ms=0');
      return null;
    });
    assert.equal((await p.waitForEvent('s', 'ready')).detail.title, 'C');
    const c = await canvasDigest(p, '#s');
    // Past A's and B's answers: still C, one ready event, no error.
    await p.evaluate(() => new Promise((done) => setTimeout(done, 1800, null)));
    assert.deepEqual((await p.events('ready', 's')).map((e) => e.detail.title), ['C']);
    assert.equal(await canvasDigest(p, '#s'), c, 'no stale redraw');
    // The superseded downloads were aborted: the server saw each one given
    // up, or (Firefox, aborting before the request left) never saw it.
    assert.deepEqual(
      ['A', 'B', 'C'].map((t) => fates.get(t) ?? 'never sent').map((f) => (f === 'never sent' ? 'aborted' : f)),
      ['aborted', 'aborted', 'answered'],
      JSON.stringify(Object.fromEntries(fates)),
    );

    // Fast, then slow: the slow last one wins.
    await p.evaluate(() => {
      const el = document.querySelector('#s');
      el.setAttribute('src', '/test/slow.json?title=D&ms=0');
      el.setAttribute('src', '/test/slow.json?title=E&ms=700');
      return null;
    });
    await p.waitForEvent('s', 'ready', 2);
    await p.evaluate(() => new Promise((done) => setTimeout(done, 200, null)));
    assert.deepEqual((await p.events('ready', 's')).map((e) => e.detail.title), ['C', 'E']);
    await addWidget(p, 'fresh', { data: doc('E') });
    await p.waitForState('#fresh', 'ready');
    assert.equal(await canvasDigest(p, '#s'), await canvasDigest(p, '#fresh'), 'E, drawn as a fresh widget draws it');
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('a chart taller than the window paints the rows near the window first, and the rest as they are scrolled to', async (b) => {
  const p = await b.open('/test/lifecycle.html', { viewport: { width: 1000, height: 600 } });
  try {
    await p.waitFor(() => !!customElements.get('incident-timeline'));
    // 16 lanes of 3,000 overlapping outages: every lane fills its 8 rows.
    await p.evaluate(() => {
      const lanes = [];
      for (let i = 0; i < 16; i += 1) lanes.push({ id: `l${i}`, label: `Service ${i + 1}` });
      const events = [];
      let t = Date.UTC(2024, 0, 8, 6, 0);
      for (let i = 0; i < 3000; i += 1) {
        t += (i % 4) * 60000;
        const end = t + (20 + ((i * 37) % 70)) * 60000;
        events.push({ lane: `l${i % 16}`, kind: 'outage', start: new Date(t).toISOString(), end: new Date(end).toISOString(), title: `Event ${i + 1}` });
      }
      const el = document.createElement('incident-timeline');
      el.id = 'tall';
      el.data = { version: 1, timezone: 'UTC', lanes, events };
      document.querySelector('#host').append(el);
      return null;
    });
    await p.waitForState('#tall', 'ready');
    // Whether the canvas's alpha at (2, y) CSS px, in the chart's padding
    // where every row has its background once painted, is `want` (0: never
    // painted).
    const alphaIs = (y, want) => {
      const canvas = document.querySelector('#tall').shadowRoot.querySelector('canvas');
      const r = canvas.height / canvas.clientHeight;
      return canvas.getContext('2d').getImageData(Math.round(2 * r), Math.round(y * r), 1, 1).data[3] === want;
    };
    const { top, height } = await p.evaluate(() => {
      const c = document.querySelector('#tall').shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { top: c.top + scrollY, height: c.height };
    });
    assert.ok(height > 4 * 600, `${b.engine}: the canvas is ${height} px tall, more than four windows`);
    const far = height - 10;
    assert.ok(await p.evaluate(alphaIs, 10, 255), `${b.engine}: the top of the chart is painted`);
    assert.ok(await p.evaluate(alphaIs, far, 0), `${b.engine}: the bottom, three windows away, is left for later`);
    await p.evaluate((y) => {
      scrollTo(0, y);
      return null;
    }, top + far - 300);
    await p.waitFor(alphaIs, far, 255);
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

shared('the playground under a strict CSP: the seed text draws; broken JSON lists a problem at the end of the input whose button puts the cursor there, the chart kept; fixed, none', async (b) => {
  const p = await b.open('/csp/playground.html');
  try {
    await p.waitForState('#chart', 'ready');
    assert.equal((await p.waitForEvent('chart', 'ready')).detail.title, '12/7 Outage Post Mortem');
    // The line numbers are as tall as the editor, whatever its content.
    const sizes = await p.evaluate(() => [document.querySelector('#gutter').offsetHeight, document.querySelector('#editor').offsetHeight]);
    assert.equal(sizes[0], sizes[1], `gutter and editor heights: ${sizes}`);
    const typed = (text) =>
      p.evaluate((text) => {
        const editor = document.querySelector('#editor');
        editor.value = text;
        editor.dispatchEvent(new Event('input', { bubbles: true }));
        return null;
      }, text);
    const good = '{\n  "version": 1,\n  "title": "Typed",\n  "events": [\n    { "kind": "outage", "title": "Down", "start": "2024-05-01T10:00:00Z", "end": "2024-05-01T10:30:00Z" }\n  ]\n}';
    await typed(good);
    assert.equal((await p.waitForEvent('chart', 'ready', 2)).detail.title, 'Typed');
    await typed(good.slice(0, -1));
    const where = await p.waitFor(() => document.querySelector('#problems .pg-where')?.textContent);
    assert.equal(where, 'Line 7, column 1', 'the end of the input');
    const caret = await p.evaluate(() => {
      document.querySelector('#problems button').click();
      const editor = document.querySelector('#editor');
      return { at: editor.selectionStart, focused: document.activeElement === editor };
    });
    assert.deepEqual(caret, { at: good.length - 1, focused: true });
    assert.equal(await p.evaluate(() => document.querySelector('#chart').state), 'ready', 'the last good chart stays');
    await typed(good);
    await p.waitFor(() => document.querySelectorAll('#problems li').length === 0);
    assert.deepEqual((await p.probe()).violations, [], 'CSP violations');
    assert.deepEqual(await p.events('error', 'chart'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- run them in each engine ----

for (const engine of ENGINES) {
  describe(engine, () => {
    let site;
    let b;
    before(async () => {
      site = await startSite({ routes: ROUTES });
      b = await launch(engine, site);
      console.log(`# ${engine}: ${b.version}`);
    });
    after(async () => {
      await b?.close();
      await site?.close();
    });
    for (const [name, body] of TESTS) {
      test(name, async () => {
        try {
          await body(b);
        } catch (e) {
          // The browser itself went away under the test: another one, and
          // this test once more. A failure with the browser still there is
          // the test's.
          if (await b.alive()) throw e;
          console.log(`# ${engine}: the browser was lost during "${name}" (${String(e.message).split('\n')[0]}); starting another and running it again`);
          await b.close().catch(() => {});
          b = await launch(engine, site);
          await body(b);
        }
      });
    }
  });
}
