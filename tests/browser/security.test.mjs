// Hostile input and hostile pages (issue 6):
//   * markup and script in every text field of a timeline
//     (tests/fixtures/injection.json) shows as text in the tooltip, the
//     details panel, the table, the live region, the error box and the
//     server-rendered SVG; no payload runs (window.__pwned stays unset, no
//     dialog, no request to /pwned/ or to a link), no element or attribute
//     appears that the widget does not make;
//   * links other than http(s) are rejected, and the format's limits give
//     exact, readable errors;
//   * a wasm trap (a real one, reached through the public API) becomes a
//     readable error in the widget, fires incident-timeline:error, and the
//     element takes new data afterwards; the trap recovery of js/core.js in
//     the ES-module build; a hostile .data (Proxy, throwing getter, cycle,
//     BigInt) is a readable error and never wears the core down;
//   * the demo and the examples page under a strict Content-Security-Policy
//     (default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
//     style-src 'self') with no violation reported;
//   * hostile page CSS neither breaks the widget nor picks up its styles.
// The pages under test get no CSP of their own (but the CSP test), so an
// injection that got through would run and be seen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, canvasDigest, inspectCanvas, rgb } from './harness.mjs';
import { parseTimeline, renderToSvg } from '../../pkg/node.js';

const FIXTURE_TEXT = readFileSync(new URL('../fixtures/injection.json', import.meta.url), 'utf8');
const FIXTURE = JSON.parse(FIXTURE_TEXT);
const ROOT = new URL('../../', import.meta.url);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** Elements the widget itself makes in its shadow root. */
const WIDGET_TAGS = new Set([
  'a', 'button', 'canvas', 'caption', 'dd', 'div', 'dl', 'dt', 'h3', 'li', 'option', 'p', 'select', 'slot',
  'strong', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);
/** Elements the SVG writer makes. */
const SVG_TAGS = new Set(['svg', 'title', 'desc', 'rect', 'line', 'polyline', 'polygon', 'circle', 'text']);

/** The fixture served as inline JSON, `<` escaped the way a page must write it. */
function inlinePage() {
  const json = FIXTURE_TEXT.replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inline hostile JSON</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<script src="/pkg/incident-timeline.js"></script></head>
<body><p id="before">Before.</p>
<incident-timeline id="inline"><script type="application/json">${json}</script><p class="fallback">Fallback.</p></incident-timeline>
<p id="after">After.</p></body></html>`;
}

/** A page that inlines the server-rendered SVG, as a static-site plugin does. */
function ssrPage() {
  const svg = renderToSvg(FIXTURE_TEXT, { width: 900, timeZone: 'UTC' });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Server-rendered hostile SVG</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body><p id="before">Before.</p>
<figure id="figure">${svg}</figure>
<p id="after">After.</p></body></html>`;
}

function html(body, extra = {}) {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra });
    res.end(typeof body === 'function' ? body() : body);
  };
}

/** www/<file> with the strict CSP header. */
function withCsp(file) {
  return html(() => readFileSync(new URL(`www/${file}`, ROOT), 'utf8'), { 'content-security-policy': CSP });
}

let h;
before(async () => {
  h = await startHarness({
    routes: {
      '/test/injection.json': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(FIXTURE_TEXT);
      },
      '/test/injection-inline.html': html(inlinePage),
      '/test/ssr-injection.html': html(ssrPage),
      // The demo and the examples page with the CSP header (their own
      // files, the stylesheet and the examples, are served as usual).
      '/': withCsp('index.html'),
      '/index.html': withCsp('index.html'),
      '/examples.html': withCsp('examples.html'),
    },
  });
});
after(() => h?.close());

// Runs in the page before its own scripts (over CDP, so a CSP does not block
// it): records CSP violations, and any assignment to window.__pwned, which
// is what every payload in the fixtures would do if it ran.
function guardScript() {
  const guard = { violations: [], pwned: [] };
  Object.defineProperty(window, '__itGuard', { value: guard });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => guard.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  let value;
  Object.defineProperty(window, '__pwned', {
    get: () => value,
    set: (v) => {
      value = v;
      guard.pwned.push(String(v));
    },
  });
}

/** Opens `path` with the guard installed; dialogs are recorded and dismissed. */
async function open(path, options = {}) {
  const p = await h.openPage('/test/blank.html', options);
  await p.context.addInitScript(guardScript);
  p.dialogs = [];
  p.page.on('dialog', (d) => {
    p.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await p.page.waitForLoadState('networkidle'); // its favicon too: not aborted by the next navigation
  const response = await p.page.goto(h.url + path, { waitUntil: options.waitUntil || 'load' });
  assert.ok(response && response.ok(), `${path}: HTTP ${response && response.status()}`);
  return p;
}

/** Nothing ran, nothing asked, nothing fetched that the widget should not have. */
async function assertNothingRan(p, what) {
  const guard = await p.page.evaluate(() => ({ ...window.__itGuard, flag: window.__pwned }));
  assert.deepEqual(guard.pwned, [], `${what}: a payload ran`);
  assert.equal(guard.flag, undefined, `${what}: window.__pwned was set`);
  assert.deepEqual(p.dialogs, [], `${what}: a payload opened a dialog`);
  const stray = p.log.requests.filter((u) => /\/pwned\/|example\.invalid|javascript:/i.test(u) || !u.startsWith(h.url));
  assert.deepEqual(stray, [], `${what}: requests a payload made`);
}

/** Every element in a widget's shadow root is one the widget makes; no handlers, no stray URLs. */
function auditShadow(page, selector) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const tags = new Set();
    const bad = [];
    for (const n of root.querySelectorAll('*')) {
      tags.add(n.localName);
      for (const a of n.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${n.localName}[${a.name}]`);
        if (['src', 'srcdoc', 'action', 'formaction', 'xlink:href', 'style'].includes(a.name) && !(a.name === 'style' && ['canvas', 'div'].includes(n.localName))) {
          bad.push(`${n.localName}[${a.name}=${a.value}]`);
        }
        if (a.name === 'href' && !(n.localName === 'a' && /^https?:\/\//i.test(a.value))) bad.push(`${n.localName}[href=${a.value}]`);
      }
    }
    return { tags: [...tags].sort(), bad };
  }, selector);
}

async function assertShadowClean(page, selector) {
  const { tags, bad } = await auditShadow(page, selector);
  const foreign = tags.filter((t) => !WIDGET_TAGS.has(t));
  assert.deepEqual(foreign, [], `${selector}: elements the widget does not make`);
  assert.deepEqual(bad, [], `${selector}: attributes the widget does not set`);
}

/** The page's own markup: the ids of body's elements and whether any hostile element got into the light DOM. */
function pageShape(page) {
  return page.evaluate(() => ({
    ids: [...document.body.querySelectorAll('[id]')].map((e) => e.id),
    hostile: document.querySelectorAll('img, iframe, svg, math, style, script:not([src]):not([type="application/json"]), b, u').length,
    text: ['before', 'between', 'after'].map((id) => document.getElementById(id)?.textContent ?? null),
  }));
}

function focusChart(page, selector) {
  return page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.chart').focus(), selector);
}

/** Centre of the focus ring (the focused event), in page coordinates. */
function ringCentre(page, selector) {
  return page.evaluate((sel) => {
    const ring = document.querySelector(sel).shadowRoot.querySelector('.focus');
    const r = ring.getBoundingClientRect();
    return { hidden: ring.hidden, x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, selector);
}

function shadowText(page, selector, css) {
  return page.evaluate(({ sel, css }) => {
    const n = document.querySelector(sel).shadowRoot.querySelector(css);
    return n ? { hidden: n.hidden, text: n.textContent, children: [...n.querySelectorAll('*')].map((c) => c.localName) } : null;
  }, { sel: selector, css });
}

test('injection: every text field of a hostile timeline shows as text in tooltip, details, table and live region', async () => {
  const p = await open('/test/injection.html');
  try {
    const shapeBefore = await pageShape(p.page);
    await p.waitForState('#src', 'ready');
    await p.waitForState('#good', 'ready');
    const ready = await p.waitForEvent('src', 'ready');
    assert.deepEqual(ready.detail, { title: FIXTURE.title, events: 4, lanes: 2 });
    await assertShadowClean(p.page, '#src');

    // Keyboard order is time order: e1 08:00, e3 08:45, e2 09:00, e4 10:00.
    const lanes = Object.fromEntries(FIXTURE.lanes.map((l) => [l.id, l.label]));
    const inTimeOrder = ['e1', 'e3', 'e2', 'e4'].map((id) => FIXTURE.events.find((e) => e.id === id));
    await focusChart(p.page, '#src');
    for (const [k, e] of inTimeOrder.entries()) {
      await p.page.keyboard.press(k === 0 ? 'Home' : 'ArrowRight');
      const live = await shadowText(p.page, '#src', '[aria-live]');
      assert.ok(live.text.includes(e.title), `live region announces ${e.id} as text: ${live.text}`);
      assert.deepEqual(live.children, []);

      // Tooltip: hover the focused event.
      const c = await ringCentre(p.page, '#src');
      assert.equal(c.hidden, false, `${e.id} is in view`);
      await p.page.mouse.move(c.x, c.y);
      const tip = await shadowText(p.page, '#src', '.tip');
      assert.equal(tip.hidden, false, `${e.id}: tooltip shown`);
      assert.deepEqual(tip.children, ['strong', 'div', 'div', 'div'], `${e.id}: the tooltip's own elements only`);
      const tipTitle = await p.page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.tip strong').textContent, '#src');
      assert.equal(tipTitle, e.title, `${e.id}: title in the tooltip, verbatim`);
      assert.ok(tip.text.includes(lanes[e.lane]), `${e.id}: lane label in the tooltip, verbatim`);

      // Details: Enter pins them.
      await focusChart(p.page, '#src');
      await p.page.keyboard.press('Enter');
      const details = await p.page.evaluate((sel) => {
        const d = document.querySelector(sel).shadowRoot.querySelector('.details');
        return {
          hidden: d.hidden,
          title: d.querySelector('h3')?.textContent,
          detail: d.querySelector('.detail')?.textContent ?? null,
          links: [...d.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent, rel: a.rel })),
          text: d.textContent,
        };
      }, '#src');
      assert.equal(details.hidden, false);
      assert.equal(details.title, e.title, `${e.id}: title in the details, verbatim`);
      assert.equal(details.detail, e.detail ?? null, `${e.id}: detail in the details, verbatim`);
      assert.ok(details.text.includes(lanes[e.lane]), `${e.id}: lane in the details`);
      assert.deepEqual(
        details.links,
        (e.links || []).map((l) => ({ href: l.url, text: l.label, rel: 'noopener noreferrer' })),
        `${e.id}: links keep their http(s) URL as the href and their label as text`,
      );
      await assertShadowClean(p.page, '#src');
    }
    await p.page.keyboard.press('Escape');

    // The table: every title and lane as text.
    await p.page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[data-act=table]').click(), '#src');
    await p.page.evaluate((sel) => document.querySelector(sel).tableReady, '#src');
    const table = await p.page.evaluate((sel) => {
      const t = document.querySelector(sel).shadowRoot.querySelector('.table');
      return {
        visible: !t.classList.contains('sr-only') && t.checkVisibility(),
        caption: t.querySelector('caption')?.textContent,
        rows: [...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent)),
      };
    }, '#src');
    assert.equal(table.visible, true);
    assert.equal(table.caption, `${FIXTURE.title}: every event`);
    assert.deepEqual(table.rows.map((r) => r[2]), inTimeOrder.map((e) => e.title), 'titles, verbatim, in time order');
    assert.deepEqual(table.rows.map((r) => r[0]), inTimeOrder.map((e) => lanes[e.lane]), 'lane labels, verbatim');
    await assertShadowClean(p.page, '#src');

    // The page around it is what it was; the good widget drew.
    assert.deepEqual(await pageShape(p.page), shapeBefore);
    assert.equal(await p.page.evaluate(() => document.querySelector('#good').state), 'ready');
    await assertNothingRan(p, 'injection.html');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('injection: inline JSON, the timeline attribute and .data carrying the same payloads', async () => {
  const p = await open('/test/injection-inline.html');
  try {
    await p.waitForState('#inline', 'ready');
    assert.deepEqual((await p.waitForEvent('inline', 'ready')).detail, { title: FIXTURE.title, events: 4, lanes: 2 });
    // The same timeline as an object, and as JSON text, through .data.
    await p.page.evaluate((fixture) => {
      for (const [id, data] of [['object', fixture], ['text', JSON.stringify(fixture)]]) {
        const el = document.createElement('incident-timeline');
        el.id = id;
        el.data = data;
        document.body.append(el);
      }
      const el = document.createElement('incident-timeline');
      el.id = 'attribute';
      el.setAttribute('timeline', JSON.stringify(fixture));
      document.body.append(el);
    }, FIXTURE);
    for (const id of ['object', 'text', 'attribute']) {
      await p.waitForState(`#${id}`, 'ready');
      assert.deepEqual((await p.waitForEvent(id, 'ready')).detail, { title: FIXTURE.title, events: 4, lanes: 2 });
    }
    for (const sel of ['#inline', '#object', '#text', '#attribute']) {
      await p.page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('[data-act=table]').click(), sel);
      await p.page.evaluate((s) => document.querySelector(s).tableReady, sel);
      const caption = await p.page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('caption').textContent, sel);
      assert.equal(caption, `${FIXTURE.title}: every event`, sel);
      await assertShadowClean(p.page, sel);
    }
    assert.deepEqual(
      await p.page.evaluate(() => ['before', 'after'].map((id) => document.getElementById(id).textContent)),
      ['Before.', 'After.'],
    );
    await assertNothingRan(p, 'inline JSON');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('injection: the server-rendered SVG escapes every text field; inlined in a page nothing runs', async () => {
  const svg = renderToSvg(FIXTURE_TEXT, { width: 900, timeZone: 'UTC' });
  const p = await open('/test/ssr-injection.html');
  try {
    // As a standalone SVG document: well-formed, only the writer's elements.
    const parsed = await p.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.querySelector('parsererror');
      const all = [...doc.querySelectorAll('*')];
      return {
        error: error ? error.textContent : null,
        root: doc.documentElement.localName,
        tags: [...new Set(all.map((n) => n.localName))].sort(),
        attrs: [...new Set(all.flatMap((n) => [...n.attributes].map((a) => a.name)))].sort(),
        title: doc.querySelector('svg > title')?.textContent,
        desc: doc.querySelector('svg > desc')?.textContent,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
      };
    }, svg);
    assert.equal(parsed.error, null, 'the SVG parses as XML');
    assert.equal(parsed.root, 'svg');
    assert.deepEqual(parsed.tags.filter((t) => !SVG_TAGS.has(t)), [], 'only the SVG writer\'s elements');
    assert.deepEqual(parsed.attrs.filter((a) => /^on|href|^style$/i.test(a)), [], 'no handlers, links or inline styles');
    assert.equal(parsed.title, FIXTURE.title, '<title> is the document title, verbatim');
    assert.ok(parsed.desc.startsWith(`${FIXTURE.description} `), `<desc> starts with the description, verbatim: ${parsed.desc}`);
    assert.ok(parsed.texts.includes(FIXTURE.title), 'the drawn title is a text node, verbatim');
    // Labels are "times · title", the title cut with "…" to fit: its start, verbatim.
    const start = FIXTURE.events[0].title.slice(0, 16);
    assert.ok(parsed.texts.some((t) => t.includes(` · ${start}`)), `a drawn event label is a text node, verbatim: ${parsed.texts}`);

    // Inlined in HTML, as a static-site plugin writes it.
    const page = await p.page.evaluate(() => {
      const figure = document.getElementById('figure');
      const svgs = document.querySelectorAll('svg');
      return {
        svgs: svgs.length,
        inFigure: figure.children.length === 1 && figure.firstElementChild.localName === 'svg',
        tags: [...new Set([...document.querySelectorAll('svg *')].map((n) => n.localName))].sort(),
        body: [...document.body.children].map((n) => n.id || n.localName),
        after: document.getElementById('after')?.textContent,
        title: document.querySelector('svg > title')?.textContent,
      };
    });
    assert.equal(page.svgs, 1);
    assert.equal(page.inFigure, true, 'the SVG stays inside its figure');
    assert.deepEqual(page.tags.filter((t) => !SVG_TAGS.has(t)), []);
    assert.deepEqual(page.body, ['before', 'figure', 'after']);
    assert.equal(page.after, 'After.');
    assert.equal(page.title, FIXTURE.title);
    await assertNothingRan(p, 'server-rendered SVG');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test(
  'SVG text with control characters stays well-formed XML (found by fuzz/, layout target)',
  () => {
    const doc = { version: 1, title: 'Bell \u0007 and escape \u001b[31m', events: [{ kind: 'outage', title: 'Null \u0000 byte', start: '2024-05-01T08:00Z', end: '2024-05-01T09:00Z' }] };
    const svg = renderToSvg(doc, { width: 900 });
    const invalid = [...svg].filter((c) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(c));
    assert.deepEqual(invalid, [], 'characters XML 1.0 cannot hold');
  },
);

/** A widget made in the page with `.data` (or `src`, or attributes), waited on until it fails. */
async function failingWidget(p, id, { data, src, attrs = {} }) {
  await p.page.evaluate(({ id, data, src, attrs }) => {
    const el = document.createElement('incident-timeline');
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (src) el.setAttribute('src', src);
    if (data !== undefined) el.data = data;
    const fallback = document.createElement('p');
    fallback.textContent = `Fallback of ${id}.`;
    el.append(fallback);
    document.querySelector('#host').append(el);
  }, { id, data, src, attrs });
  await p.waitForState(`#${id}`, 'error');
  const box = await p.page.evaluate((sel) => {
    const box = document.querySelector(sel).shadowRoot.querySelector('.error');
    return {
      visible: box.checkVisibility(),
      items: [...box.querySelectorAll('li')].map((li) => li.textContent),
      tags: [...box.querySelectorAll('*')].map((n) => n.localName),
      heading: box.querySelector('strong')?.textContent,
    };
  }, `#${id}`);
  const events = await p.events('error', id);
  assert.equal(events.length, 1, `${id}: one error event`);
  assert.equal(box.visible, true, `${id}: error box shown`);
  assert.equal(box.heading, 'This incident timeline could not be shown.');
  assert.deepEqual([...new Set(box.tags)].sort(), ['li', 'strong', 'ul'], `${id}: the error box's own elements only`);
  assert.equal(events[0].detail.message, box.items.join('\n'), `${id}: the event's message is the box's text`);
  return box.items;
}

const KINDS = 'outage, degraded, maintenance, activity or milestone';

test('injection: error messages that quote hostile input show it as text', async () => {
  const p = await open('/test/blank.html', { expectedHttpErrors: [/\/test\/missing\//] });
  try {
    const kind = `<img src=/pwned/kind onerror="window.__pwned='kind'">`;
    assert.deepEqual(
      await failingWidget(p, 'kind', { data: { version: 1, events: [{ kind, title: 'x', start: '2024-05-01T08:00Z' }] } }),
      [`events[0].kind: unknown kind "${kind}"; use one of ${KINDS}`],
    );
    const lane = `<script>window.__pwned='lane'</script>`;
    assert.deepEqual(
      await failingWidget(p, 'lane', {
        data: { version: 1, lanes: [{ id: 'web' }], events: [{ lane, kind: 'outage', title: 'x', start: '2024-05-01T08:00Z' }] },
      }),
      [`events[0].lane: unknown lane "${lane}"; the lanes are web`],
    );
    const severity = `"><svg onload=window.__pwned='severity'>`;
    assert.deepEqual(
      await failingWidget(p, 'severity', { data: { version: 1, events: [{ kind: 'outage', severity, title: 'x', start: '2024-05-01T08:00Z' }] } }),
      [`events[0].severity: severity "${severity}" is not one of none, minor, major or critical`],
    );
    const version = `<iframe src="javascript:parent.__pwned='version'">`;
    assert.deepEqual(
      await failingWidget(p, 'version', { data: { version, events: [] } }),
      [`version: version "${version}" is not supported; this reads format version 1`],
    );
    const field = `<img src=/pwned/field onerror=alert(1)>`;
    assert.deepEqual(
      await failingWidget(p, 'field', { data: { version: 1, events: [], [field]: 1 } }),
      [`${field}: unknown field "${field}"; the fields here are version, $schema, title, description, timezone, lanes or events (names starting with x- are free for your own use)`],
    );
    const link = "javascript:window.__pwned='link'";
    assert.deepEqual(
      await failingWidget(p, 'link', {
        data: { version: 1, events: [{ kind: 'outage', title: 'x', start: '2024-05-01T08:00Z', links: [{ url: link, label: '<b>x</b>' }] }] },
      }),
      ['events[0].links[0].url: only http and https links are allowed, not "javascript:"'],
    );
    // A syntax error at a tag: the full core places it where the tag starts
    // (its parser's message quotes nothing, unlike the browser's).
    const syntax = await failingWidget(p, 'syntax', { data: `{"version": 1, "events": <img src=/pwned/syntax onerror=alert(1)>}` });
    assert.deepEqual(syntax, ['line 1, column 26: JSON syntax error: expected value']);
    // The display zone, from an attribute.
    const zone = `<img src=/pwned/zone onerror="window.__pwned='zone'">`;
    assert.deepEqual(
      await failingWidget(p, 'zone', { data: FIXTURE, attrs: { 'time-zone': zone } }),
      [`timeZone: "${zone}" is not a time zone this system knows; use an IANA name like "America/Los_Angeles" or "UTC"`],
    );
    // src: the URL is quoted (percent-encoded by URL parsing).
    const src = `/test/missing/"><img src=x onerror=alert(1)>.json`;
    const href = new URL(src, h.url).href;
    assert.ok(href.includes('%3Cimg'), href);
    assert.deepEqual(await failingWidget(p, 'src', { src }), [`could not load ${href}: HTTP 404 Not Found`]);

    for (const id of ['kind', 'lane', 'severity', 'version', 'field', 'link', 'syntax', 'zone', 'src']) {
      await assertShadowClean(p.page, `#${id}`);
      assert.deepEqual(await p.events('ready', id), [], `${id}: never ready`);
    }
    await assertNothingRan(p, 'error messages');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('links other than http(s) are rejected, in the element and in parseTimeline', async () => {
  const rejected = {
    'javascript:alert(1)': 'only http and https links are allowed, not "javascript:"',
    'JaVaScRiPt:alert(1)': 'only http and https links are allowed, not "javascript:"',
    ' javascript:alert(1)': 'only http and https links are allowed, not " javascript:"',
    'java\tscript:alert(1)': 'only http and https links are allowed, not "java\tscript:"',
    '\u0000javascript:alert(1)': 'only http and https links are allowed, not "\u0000javascript:"',
    'data:text/html,<script>alert(1)</script>': 'only http and https links are allowed, not "data:"',
    'vbscript:msgbox(1)': 'only http and https links are allowed, not "vbscript:"',
    'file:///etc/passwd': 'only http and https links are allowed, not "file:"',
    'blob:https://example.com/0a1b': 'only http and https links are allowed, not "blob:"',
    'https:/example.com': 'only http and https links are allowed, not "https:"',
    '//evil.example/x': '"//evil.example/x" is not an absolute link; write the whole address, starting with https://',
    '/relative/path': '"/relative/path" is not an absolute link; write the whole address, starting with https://',
    'https://': 'the link has no host name after https://',
    'https:///etc/passwd': 'the link has no host name after https://',
    'https://example.com/a b': 'a link cannot contain spaces or control characters; encode them (%20)',
    'https://example.com/\u0000': 'a link cannot contain spaces or control characters; encode them (%20)',
  };
  const doc = (url) => ({ version: 1, events: [{ kind: 'outage', title: 'x', start: '2024-05-01T08:00Z', links: [{ url }] }] });
  for (const [url, message] of Object.entries(rejected)) {
    assert.throws(() => parseTimeline(doc(url)), (e) => {
      assert.equal(e.name, 'IncidentTimelineError');
      assert.deepEqual(pathsAndMessages(e.problems), [{ path: 'events[0].links[0].url', message }], JSON.stringify(url));
      assert.equal(e.problems[0].text, `events[0].links[0].url: ${message}`);
      return true;
    });
  }
  // Accepted: http and https, any case, kept as written.
  for (const url of ['https://example.com/a?b=c#d', 'HTTP://EXAMPLE.COM/', 'http://127.0.0.1:8080/x']) {
    assert.equal(parseTimeline(doc(url)).events[0].links[0].url, url);
  }

  // In the element: the error box, for a few of them.
  const p = await open('/test/blank.html');
  try {
    const urls = ['data:text/html,<script>alert(1)</script>', '//evil.example/x', 'https://example.com/a b'];
    for (const [i, url] of urls.entries()) {
      assert.deepEqual(await failingWidget(p, `l${i}`, { data: doc(url) }), [`events[0].links[0].url: ${rejected[url]}`]);
    }
    await assertNothingRan(p, 'links');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

/** A problem list without its place and wording, which other tests check. */
const pathsAndMessages = (problems) => problems.map(({ path, message }) => ({ path, message }));

test('limits on document size, events, lanes, links and text give exact errors', () => {
  const ev = (extra = {}) => ({ kind: 'outage', title: 'x', start: '2024-05-01T08:00Z', ...extra });
  const cases = [
    [{ version: 1, title: 't'.repeat(501), events: [] }, 'title', '"title" is 501 characters long; the most allowed is 500'],
    [{ version: 1, description: 'd'.repeat(20_001), events: [] }, 'description', '"description" is 20001 characters long; the most allowed is 20000'],
    [{ version: 1, events: [ev({ title: 'é'.repeat(501) })] }, 'events[0].title', '"title" is 501 characters long; the most allowed is 500'],
    [{ version: 1, events: [ev({ detail: 'x'.repeat(20_001) })] }, 'events[0].detail', '"detail" is 20001 characters long; the most allowed is 20000'],
    [{ version: 1, events: [ev({ id: 'a'.repeat(101) })] }, 'events[0].id', '"id" is 101 characters long; the most allowed is 100'],
    [{ version: 1, lanes: [{ id: 'web', label: 'l'.repeat(501) }], events: [] }, 'lanes[0].label', '"label" is 501 characters long; the most allowed is 500'],
    [{ version: 1, lanes: Array.from({ length: 1001 }, (_, i) => ({ id: `l${i}` })), events: [] }, 'lanes', 'has 1001 items; the most allowed is 1000'],
    [{ version: 1, events: [ev({ links: Array.from({ length: 21 }, () => ({ url: 'https://example.com/' })) })] }, 'events[0].links', 'has 21 items; the most allowed is 20'],
    [{ version: 1, events: [ev({ links: [{ url: `https://example.com/${'u'.repeat(2029)}` }] })] }, 'events[0].links[0].url', '"url" is 2049 characters long; the most allowed is 2048'],
    [{ version: 1, events: Array.from({ length: 100_001 }, () => 0) }, 'events', 'has 100001 items; the most allowed is 100000'],
  ];
  for (const [doc, path, message] of cases) {
    for (const input of [doc, JSON.stringify(doc)]) {
      assert.throws(() => parseTimeline(input), (e) => {
        assert.deepEqual(pathsAndMessages(e.problems), [{ path, message }], path);
        // Read from text (one line here), the problem also has its place.
        if (typeof input === 'string') {
          assert.equal(e.problems[0].line, 1, path);
          assert.ok(e.problems[0].text.startsWith(`line 1, column ${e.problems[0].column}: ${path}: `), e.problems[0].text);
        }
        return true;
      });
    }
  }
  // Lanes used by events: the same limit, counted over the events.
  const manyLanes = { version: 1, events: Array.from({ length: 1001 }, (_, i) => ev({ lane: `l${i}` })) };
  assert.throws(() => parseTimeline(manyLanes), (e) => {
    assert.deepEqual(pathsAndMessages(e.problems), [{ path: 'lanes', message: 'the events use 1001 lanes; the most allowed is 1000' }]);
    return true;
  });
  // The document itself: 25 MB of text.
  const big = `{"version": 1, "events": [], "x-pad": "${'p'.repeat(25 * 1024 * 1024)}"}`;
  assert.throws(() => parseTimeline(big), (e) => {
    assert.deepEqual(pathsAndMessages(e.problems), [{ path: '', message: `the document is ${big.length} bytes; the most this accepts is 20971520 bytes (20 MB)` }]);
    return true;
  });
  // At the limits: accepted.
  const atLimits = {
    version: 1,
    title: 't'.repeat(500),
    events: [ev({ id: 'a'.repeat(100), title: 'x'.repeat(500), detail: 'd'.repeat(20_000), links: Array.from({ length: 20 }, () => ({ url: 'https://example.com/' })) })],
  };
  assert.equal(parseTimeline(atLimits).events.length, 1);
});

test('an absurd clock cannot trap the core: the element clamps it, renderToSvg reports it', async () => {
  // Found by fuzz/: an ongoing event with "now" at the end of JavaScript's
  // Date range (year 275760) once made the tick generator step past
  // chrono's last year and trap. The element now keeps its clock within the
  // years documents use; an explicit `now` option outside them is an error.
  assert.throws(
    () => renderToSvg({ version: 1, events: [{ kind: 'outage', title: 'x', start: '2022-12-07T08:24:00Z' }] }, { now: 8.64e15, width: 900 }),
    (e) => {
      assert.deepEqual(pathsAndMessages(e.problems), [{ path: 'now', message: 'now must be a time from the year 0 to the year 9999, in milliseconds since 1970' }]);
      return true;
    },
  );
  const p = await open('/test/blank.html');
  try {
    const ongoing = { version: 1, title: 'Ongoing', timezone: 'UTC', events: [{ kind: 'outage', title: 'Still down', start: '2024-05-01T08:00Z' }] };
    await p.page.evaluate((ongoing) => {
      const el = document.createElement('incident-timeline');
      el.id = 'clock';
      window.__realNow = Date.now;
      Date.now = () => 8.64e15;
      el.data = ongoing;
      document.querySelector('#host').append(el);
    }, ongoing);
    await p.waitForState('#clock', 'ready');
    await p.page.evaluate(() => { Date.now = window.__realNow; });
    assert.deepEqual(await p.events('error', 'clock'), []);
    assert.equal(await p.errorText('#clock'), '');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('js/core.js trap recovery (ES modules): a trapping call is a readable error, a fresh instance serves every widget', async () => {
  const p = await open('/test/trap-module.html');
  try {
    await p.waitForState('#a', 'ready');
    await p.waitForState('#b', 'ready');
    const before = { a: await canvasDigest(p.page, '#a'), b: await canvasDigest(p.page, '#b') };
    const trapped = await p.page.evaluate(() => {
      const core = window.__itCore;
      const generation = core.generation();
      let error = null;
      try {
        core.run(() => { throw new WebAssembly.RuntimeError('test trap'); });
      } catch (e) {
        error = { name: e.name, message: e.message, problems: e.problems };
      }
      return { error, before: generation, after: core.generation() };
    });
    const message = 'incident-timeline hit an internal error (test trap); please report it with the timeline that caused it';
    assert.deepEqual(trapped.error, { name: 'IncidentTimelineInternalError', message, problems: [{ path: '', message }] });
    assert.equal(trapped.after, trapped.before + 1, 'a fresh instance');

    // Both widgets redraw on the fresh instance (their charts are rebuilt).
    for (const id of ['a', 'b']) {
      await p.page.evaluate((id) => document.getElementById(id).setAttribute('theme', 'light'), id);
      assert.equal(await p.page.evaluate((id) => document.getElementById(id).state, id), 'ready');
      assert.equal(await canvasDigest(p.page, `#${id}`), before[id], `${id}: the same chart`);
    }
    // Zoom through the toolbar: draws on the new instance.
    await p.page.evaluate(() => document.querySelector('#a').shadowRoot.querySelector('[data-act=in]').click());
    assert.notEqual(await canvasDigest(p.page, '#a'), before.a);
    // New data is taken.
    await p.page.evaluate(async () => {
      document.querySelector('#b').data = await (await fetch('/examples/ongoing-incident.json')).json();
    });
    await p.waitForState('#b', 'ready');
    assert.equal((await p.waitForEvent('b', 'ready', 2)).detail.events > 0, true);
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a trap inside an input handler (hover, keys) is the widget\'s error, not the page\'s; the next render recovers', async () => {
  const p = await open('/test/trap-module.html');
  try {
    await p.waitForState('#a', 'ready');
    await p.waitForState('#b', 'ready');
    const before = await canvasDigest(p.page, '#a');
    // The wasm's `name` method traps, once, as a bug would.
    const trapOnce = (name) =>
      p.page.evaluate((name) => {
        const Chart = window.__itChart();
        const real = Chart.prototype[name];
        Chart.prototype[name] = function () {
          Chart.prototype[name] = real;
          throw new WebAssembly.RuntimeError(`test trap in ${name}`);
        };
      }, name);
    await trapOnce('hit');
    const generation = await p.page.evaluate(() => window.__itCore.generation());
    const box = await p.page.locator('#a canvas').boundingBox();
    await p.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await p.waitForState('#a', 'error');
    const error = await p.waitForEvent('a', 'error');
    assert.match(error.detail.message, /internal error \(test trap in hit\)/);
    assert.equal(await p.page.evaluate(() => window.__itCore.generation()), generation + 1, 'a fresh instance');
    assert.equal(await p.page.evaluate(() => document.getElementById('b').state), 'ready', 'the other widget is untouched');

    // A re-render rebuilds the chart on the fresh instance: the same picture.
    await p.page.evaluate(() => document.getElementById('a').setAttribute('theme', 'light'));
    await p.waitForState('#a', 'ready');
    assert.equal(await canvasDigest(p.page, '#a'), before);

    // The keyboard path: the trap in step() is caught the same way (once
    // #b, too, has its chart on the fresh instance).
    // (A re-render is synchronous: the attribute change rebuilds it.)
    await p.page.evaluate(() => document.getElementById('b').setAttribute('theme', 'light'));
    await trapOnce('step');
    await p.page.evaluate(() => {
      const box = document.getElementById('b').shadowRoot.querySelector('.chart');
      box.focus();
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    });
    await p.waitForState('#b', 'error');
    assert.match((await p.waitForEvent('b', 'error')).detail.message, /test trap in step/);
    await p.page.evaluate(() => document.getElementById('b').setAttribute('theme', 'dark'));
    await p.waitForState('#b', 'ready');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('hostile .data (Proxy, throwing getter, cycle, BigInt, deep nesting) is a readable error and never wears the core down', async () => {
  const p = await open('/test/trap-module.html');
  try {
    await p.waitForState('#a', 'ready');
    await p.waitForState('#b', 'ready');
    const cases = await p.page.evaluate(async () => {
      const host = document.body;
      const make = (id, data) => {
        const el = document.createElement('incident-timeline');
        el.id = id;
        el.data = data;
        host.append(el);
        return el;
      };
      const cyclic = { version: 1, events: [] };
      cyclic.self = cyclic;
      let deep = 'x';
      for (let i = 0; i < 1000; i += 1) deep = { deep };
      const getter = { version: 1, events: [] };
      Object.defineProperty(getter, 'title', { enumerable: true, get() { throw new Error('getter says no'); } });
      make('proxy', new Proxy({}, { ownKeys() { throw new Error('ownKeys says no'); } }));
      make('proxy-array', { version: 1, events: new Proxy([], { get(t, k) { if (k === 'length') return 3; throw new Error(`get ${String(k)} says no`); } }) });
      make('getter', getter);
      // What the core reads first to size its heap: a throwing getter, and
      // a length no array has.
      make('events-getter', Object.defineProperty({ version: 1 }, 'events', { enumerable: true, get() { throw new Error('events says no'); } }));
      make('huge-length', { version: 1, events: { length: 1e15 } });
      make('cyclic', cyclic);
      make('deep', { version: 1, events: [], 'x-deep': deep });
      make('bigint', { version: 1, events: [], 'x-n': 10n });
      make('function', { version: 1, events: () => [] });
      make('symbol', Symbol('timeline'));
      await new Promise((r) => setTimeout(r, 200));
      return null;
    });
    assert.equal(cases, null);
    const expected = {
      proxy: 'ownKeys says no',
      'proxy-array': 'get 0 says no',
      getter: 'the timeline is not plain JSON data: a property could not be read',
      'events-getter': 'the timeline is not plain JSON data: a property could not be read',
      'huge-length': 'events: must be an array, not an object',
      cyclic: 'the timeline is not plain JSON data: it is nested more than 128 levels deep',
      deep: 'the timeline is not plain JSON data: it is nested more than 128 levels deep',
      bigint: 'the timeline is not plain JSON data: it holds a value JSON cannot (a function, symbol or bigint)',
      function: 'the timeline is not plain JSON data: it holds a value JSON cannot (a function, symbol or bigint)',
      symbol: 'the timeline is not plain JSON data: it holds a value JSON cannot (a function, symbol or bigint)',
    };
    for (const [id, message] of Object.entries(expected)) {
      await p.waitForState(`#${id}`, 'error');
      assert.equal(await p.errorText(`#${id}`), `This incident timeline could not be shown.${message}`, id);
      assert.equal((await p.events('error', id))[0].detail.message, message, id);
    }

    // A JavaScript exception that unwinds through wasm frames skips their
    // epilogues: before js/core.js replaced the instance after one, ~500 of
    // them overflowed the shadow stack and the next call trapped. 1,500
    // hostile reads, then the widgets still draw with no internal error.
    const worn = await p.page.evaluate(() => {
      const core = window.__itCore;
      const hostile = new Proxy({}, { ownKeys() { throw new Error('no'); } });
      const names = new Set();
      for (let i = 0; i < 1500; i += 1) {
        try {
          core.run((c) => new c.Chart(hostile));
        } catch (e) {
          names.add(`${e.name}: ${e.message}`);
        }
      }
      return [...names];
    });
    assert.deepEqual(worn, ['Error: no']);
    for (const id of ['a', 'b']) {
      await p.page.evaluate((id) => document.getElementById(id).setAttribute('theme', 'dark'), id);
      assert.equal(await p.page.evaluate((id) => document.getElementById(id).state, id), 'ready', id);
    }
    await p.page.evaluate(async () => {
      document.querySelector('#proxy').data = await (await fetch('/examples/seed-postmortem.json')).json();
    });
    await p.waitForState('#proxy', 'ready');
    assert.deepEqual(await p.events('error', 'a'), []);
    assert.deepEqual(await p.events('error', 'b'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('strict CSP: the demo and the examples page draw every widget with no violation', async () => {
  for (const path of ['/', '/examples.html']) {
    const p = await open(path);
    try {
      const csp = await p.page.evaluate(async (path) => (await fetch(path)).headers.get('content-security-policy'), path);
      assert.equal(csp, CSP, `${path} is served with the strict CSP`);
      const ids = await p.page.evaluate(() => [...document.querySelectorAll('incident-timeline')].map((el, i) => {
        if (!el.id) el.id = `w${i}`;
        return el.id;
      }));
      assert.ok(ids.length >= 1, path);
      for (const id of ids) {
        await p.waitForState(`#${id}`, 'ready');
        const px = await inspectCanvas(p.page, `#${id}`, { color: rgb('#000000'), tolerance: 255 });
        assert.ok(px.width > 200 && px.height > 80, `${path} #${id}: canvas ${px.width}x${px.height}`);
      }
      // Interaction under the CSP: zoom, the table, a tooltip.
      const first = `#${ids[0]}`;
      const before = await canvasDigest(p.page, first);
      await p.page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[data-act=in]').click(), first);
      assert.notEqual(await canvasDigest(p.page, first), before, 'zoomed');
      await p.page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[data-act=table]').click(), first);
      await focusChart(p.page, first);
      await p.page.keyboard.press('Home');
      await p.page.keyboard.press('Enter');
      assert.equal((await shadowText(p.page, first, '.details')).hidden, false);
      await p.frames();

      const violations = await p.page.evaluate(() => window.__itGuard.violations);
      assert.deepEqual(violations, [], `${path}: CSP violations`);
      assert.deepEqual(await p.events('error'), [], `${path}: no widget failed`);
      await p.assertClean();

      // The listener works: an inline style is a violation on this page.
      await p.page.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'body { color: red }';
        document.head.append(s);
      });
      await p.page.waitForFunction(() => window.__itGuard.violations.length > 0);
      const seen = await p.page.evaluate(() => window.__itGuard.violations);
      assert.match(seen[0], /^style-src/, 'the guard sees violations on this page');
    } finally {
      await p.close();
    }
  }
});

test('hostile page CSS does not break the widget, and the widget\'s styles do not leak out', async () => {
  const p = await open('/test/hostile-css.html', { viewport: { width: 1000, height: 900 } });
  try {
    await p.waitForState('#w', 'ready');
    await p.waitForState('#bad', 'error');
    await p.frames();
    const neighbourStyle = () => p.page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('neighbour'));
      return Object.fromEntries(['display', 'position', 'font-size', 'font-family', 'color', 'direction', 'background-color', 'line-height', 'box-sizing', 'margin-top', 'padding-left', 'text-align', 'letter-spacing'].map((k) => [k, cs.getPropertyValue(k)]));
    });
    const withWidgets = await neighbourStyle();
    // The hostile sheet does reach the page's own element.
    assert.equal(withWidgets['font-size'], '40px');
    assert.equal(withWidgets.direction, 'rtl');
    assert.equal(withWidgets.position, 'absolute');

    const look = await p.page.evaluate(() => {
      const el = document.getElementById('w');
      const root = el.shadowRoot;
      const canvas = root.querySelector('canvas');
      const r = canvas.getBoundingClientRect();
      const buttons = [...root.querySelectorAll('.toolbar button, .toolbar select')];
      return {
        canvas: { visible: canvas.checkVisibility(), width: r.width, height: r.height, display: getComputedStyle(canvas).display },
        toolbar: buttons.map((b) => ({ visible: b.checkVisibility(), w: b.getBoundingClientRect().width, font: getComputedStyle(b).fontSize })),
        host: { width: el.getBoundingClientRect().width, direction: getComputedStyle(root.querySelector('.chart')).direction },
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        headStyles: document.head.querySelectorAll('style').length,
      };
    });
    assert.equal(look.canvas.visible, true, 'canvas visible');
    assert.equal(look.canvas.display, 'block');
    assert.ok(look.canvas.width >= 300 && look.canvas.height >= 100, `canvas ${look.canvas.width}x${look.canvas.height}`);
    assert.ok(look.toolbar.length >= 5 && look.toolbar.every((b) => b.visible && b.w > 10 && b.font === '13px'), JSON.stringify(look.toolbar));
    assert.equal(look.host.direction, 'ltr');
    // The widget added no stylesheet to the page.
    assert.equal(look.sheets, 1, 'only the page\'s own hostile.css');
    assert.equal(look.adopted, 0);
    assert.equal(look.headStyles, 0);

    // Pixels were drawn: plenty of non-background colour.
    const px = await inspectCanvas(p.page, '#w', { color: rgb('#ffffff'), tolerance: 0 });
    assert.ok(px.total < px.width * px.height * 0.95, 'the canvas is not blank');
    // The toolbar works: zoom in changes the chart, Reset brings it back.
    const before = await canvasDigest(p.page, '#w');
    await p.page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('[data-act=in]').click());
    const zoomed = await canvasDigest(p.page, '#w');
    assert.notEqual(zoomed, before);
    await p.page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('[data-act=reset]').click());
    assert.equal(await canvasDigest(p.page, '#w'), before);
    // The error box of the broken widget is readable.
    const err = await p.page.evaluate(() => {
      const box = document.getElementById('bad').shadowRoot.querySelector('.error');
      const li = box.querySelector('li');
      return { visible: box.checkVisibility(), li: li.checkVisibility(), text: box.textContent, font: getComputedStyle(li).fontSize };
    });
    assert.equal(err.visible, true);
    assert.equal(err.li, true);
    assert.equal(err.font, '13px');
    // Written as text, the timeline's problem is placed by line and column.
    assert.equal(err.text, 'This incident timeline could not be shown.line 1, column 36: events[0].kind: unknown kind "incident"; use one of outage, degraded, maintenance, activity or milestone');

    // Not a pixel differs from the same chart at the same width on a clean
    // page: the page's spacing, direction and fonts do not reach the canvas.
    const width = await p.page.evaluate(() => document.getElementById('w').shadowRoot.querySelector('canvas').getBoundingClientRect().width);
    const clean = await open('/test/blank.html', { viewport: { width: 1000, height: 900 } });
    try {
      await clean.page.evaluate((width) => {
        const el = document.createElement('incident-timeline');
        el.id = 'w';
        el.style.width = `${width}px`;
        el.setAttribute('src', '/examples/seed-postmortem.json');
        document.querySelector('#host').append(el);
      }, width);
      await clean.waitForState('#w', 'ready');
      assert.equal(await canvasDigest(p.page, '#w'), await canvasDigest(clean.page, '#w'), 'the hostile page\'s chart is drawn exactly as on a clean page');
      await clean.assertClean();
    } finally {
      await clean.close();
    }

    // Nothing leaks out: the neighbour's styles are the same with the
    // widgets gone.
    await p.page.evaluate(() => { for (const el of document.querySelectorAll('incident-timeline')) el.remove(); });
    assert.deepEqual(await neighbourStyle(), withWidgets);
    await p.assertClean();
  } finally {
    await p.close();
  }
});
