// The playground (www/playground.html, www/playground.js) in Chromium: it
// starts with the seed post-mortem's text and draws it; typed format v1 JSON
// redraws the chart; broken JSON lists a problem at its line and column
// (the end of the input for truncated JSON) whose button puts the cursor
// there, while the last good chart stays up; a semantic error is placed by
// its JSON path; text without a date asks for one and the date field
// answers; "Copy embed" gives a snippet that draws the same chart on a page
// of its own (a `</script>` in a title included); "Copy Markdown" the fence
// the plugins read; "Download SVG" the bytes of renderToSvg; "Download JSON"
// format v1 for text; "Share link" restores input and date in a fresh page;
// "How it was read" lists each event's lane and marks inferred windows with
// the entries they came from; the page under a strict CSP with no violation; at 360 px no horizontal
// scrolling, the editor above the chart; dark mode; no request leaves the
// origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { importTimeline } from '../../pkg/node.js';

const ROOT = new URL('../../', import.meta.url);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const UNPKG = 'https://unpkg.com/incident-timeline/pkg/incident-timeline.js';

/** A small format v1 document, pretty-printed (its text ends with the closing brace, no newline). */
function small(title = 'Typed in the playground') {
  return JSON.stringify(
    {
      version: 1,
      title,
      timezone: 'UTC',
      events: [
        { lane: 'api', kind: 'outage', start: '2024-05-01T10:00:00Z', end: '2024-05-01T10:30:00Z', title: 'API down' },
        { lane: 'api', kind: 'milestone', at: '2024-05-01T10:40:00Z', title: 'All clear' },
      ],
    },
    null,
    2,
  );
}

/** The page the copied embed snippet is pasted into (its script pointed at this server: the tests run offline). */
let embedPage = '';

function html(body, extra = {}) {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...extra });
    res.end(typeof body === 'function' ? body() : body);
  };
}

let h;
before(async () => {
  h = await startHarness({
    routes: {
      '/test/embed.html': html(() => embedPage),
      '/playground-csp.html': html(() => readFileSync(new URL('www/playground.html', ROOT), 'utf8'), {
        'content-security-policy': CSP,
      }),
    },
  });
});
after(() => h?.close());

// Runs in the page before its own scripts: records CSP violations.
function guardScript() {
  const guard = { violations: [] };
  Object.defineProperty(window, '__pgGuard', { value: guard });
  document.addEventListener(
    'securitypolicyviolation',
    (e) => guard.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
}

/** Opens the playground (or `path`), with the CSP guard, and waits for its first chart. */
async function openPlayground(path = '/playground.html', options = {}) {
  const p = await h.openPage('/test/blank.html', options);
  await p.context.addInitScript(guardScript);
  await p.page.waitForLoadState('networkidle');
  const response = await p.page.goto(h.url + path);
  assert.ok(response && response.ok(), `${path}: HTTP ${response && response.status()}`);
  if (!options.noWait) await p.waitForState('#chart', 'ready');
  return p;
}

/** What the playground shows: detected source, problems, chart state and title. */
function view(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#chart');
    return {
      detected: document.querySelector('#detected').textContent,
      summary: document.querySelector('#problems-summary').textContent,
      problems: [...document.querySelectorAll('#problems li')].map((li) => ({
        where: li.querySelector('.pg-where').textContent,
        kind: li.querySelector('.pg-kind').textContent,
        message: li.querySelector('.pg-message').textContent,
        button: !!li.querySelector('button'),
      })),
      state: el.state,
      chartVisible: el.shadowRoot.querySelector('canvas').checkVisibility(),
      errorBoxVisible: el.shadowRoot.querySelector('.error').checkVisibility(),
      title: el.shadowRoot.querySelector('.chart')?.getAttribute('aria-label'),
      status: document.querySelector('#chart-status').textContent,
    };
  });
}

/** Replaces the editor's text as typing would (an input event), then waits past the debounce. */
async function replaceText(page, text) {
  await page.focus('#editor');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Waits until the problem list has `n` entries (after the debounce). */
function waitForProblems(page, n) {
  return page.waitForFunction((n) => document.querySelectorAll('#problems li').length === n, n);
}

test('starts with the seed post-mortem text and draws it; typing format v1 JSON redraws; broken JSON keeps the last chart and points at the end of the input', async () => {
  const p = await openPlayground();
  const { page } = p;
  try {
    const ready = await p.waitForEvent('chart', 'ready', 1);
    assert.equal(ready.detail.title, '12/7 Outage Post Mortem');
    assert.equal(ready.detail.events, 21);
    const seed = await page.inputValue('#editor');
    assert.match(seed, /^# 12\/7 Outage Post Mortem\nDecember 7, 2022\n/);
    assert.match(seed, /\n8:24 – 8:49 AM \(PST\): A 25-minute outage occurred/);
    assert.equal(await page.inputValue('#date'), '', 'the date field starts empty: the seed has its own date');
    let v = await view(page);
    assert.match(v.detected, /post-mortem text: 21 events/);
    assert.deepEqual(v.problems, []);
    // The gutter numbers every line and scrolls with the text.
    const gutter = await page.evaluate(() => {
      const editor = document.querySelector('#editor');
      const gutter = document.querySelector('#gutter');
      editor.scrollTop = 60;
      editor.dispatchEvent(new Event('scroll'));
      return { lines: gutter.textContent.split('\n').length, want: editor.value.split('\n').length, top: gutter.scrollTop, editorTop: editor.scrollTop };
    });
    assert.equal(gutter.lines, gutter.want);
    assert.equal(gutter.top, gutter.editorTop);

    // From here on, note any moment the chart is hidden or the element's error box shows.
    await page.evaluate(() => {
      const root = document.querySelector('#chart').shadowRoot;
      window.__pgFlicker = [];
      const check = () => {
        if (root.querySelector('.chart').hidden) window.__pgFlicker.push('chart hidden');
        if (!root.querySelector('.error').hidden) window.__pgFlicker.push('error box shown');
      };
      new MutationObserver(check).observe(root, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
    });

    // Typing a format v1 document: the chart follows.
    const text = small();
    await replaceText(page, text);
    const typed = await p.waitForEvent('chart', 'ready', 2);
    assert.equal(typed.detail.title, 'Typed in the playground');
    assert.equal(typed.detail.events, 2);
    v = await view(page);
    assert.match(v.detected, /format v1 JSON: 2 events/);
    assert.equal(v.title, 'Typed in the playground');
    assert.equal(await page.evaluate(() => document.querySelector('#gutter').textContent.split('\n').length), text.split('\n').length);

    // Delete the last brace: a syntax error at the end of the input; the chart stays.
    await page.focus('#editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Backspace');
    await waitForProblems(page, 1);
    const broken = await page.inputValue('#editor');
    assert.equal(broken, text.slice(0, -1));
    const lines = broken.split('\n');
    v = await view(page);
    assert.equal(v.problems.length, 1);
    assert.equal(v.problems[0].kind, 'Error');
    assert.equal(v.problems[0].where, `Line ${lines.length}, column ${lines[lines.length - 1].length + 1}`, 'the end of the input');
    assert.match(v.problems[0].message, /ends too early/);
    assert.ok(v.problems[0].button);
    assert.equal(v.state, 'ready', 'the last good chart stays');
    assert.ok(v.chartVisible && !v.errorBoxVisible);
    assert.equal(v.title, 'Typed in the playground');
    assert.match(v.status, /last version/);
    // Its button puts the cursor there.
    await page.evaluate(() => {
      const editor = document.querySelector('#editor');
      editor.setSelectionRange(0, 0);
      editor.blur();
    });
    await page.click('#problems button');
    const caret = await page.evaluate(() => ({
      start: document.querySelector('#editor').selectionStart,
      end: document.querySelector('#editor').selectionEnd,
      focused: document.activeElement === document.querySelector('#editor'),
    }));
    assert.deepEqual(caret, { start: broken.length, end: broken.length, focused: true });

    // A syntax error in the middle (a trailing comma): placed where the parser stops, the closing brace.
    const comma = text.replace('"title": "API down"', '"title": "API down",');
    await replaceText(page, comma);
    const commaLines = comma.split('\n');
    const braceLine = commaLines.findIndex((l) => l.endsWith('"API down",')) + 2;
    const braceColumn = commaLines[braceLine - 1].indexOf('}') + 1;
    await page.waitForFunction((where) => document.querySelector('#problems')?.textContent.includes(where), `Line ${braceLine}, column ${braceColumn}`);
    v = await view(page);
    assert.match(v.problems[0].message, /trailing comma/);
    assert.equal(v.title, 'Typed in the playground');

    // Fixed again: no problems, the chart as typed, no further ready (the same document).
    await replaceText(page, text);
    await waitForProblems(page, 0);
    v = await view(page);
    assert.equal(v.summary, 'None.');
    assert.equal(v.status, 'The chart is up to date.');
    assert.equal(v.title, 'Typed in the playground');

    // A semantic error (end before start) is placed by its JSON path: the value of events[0].end.
    const backwards = text.replace('"end": "2024-05-01T10:30:00Z"', '"end": "2024-05-01T09:30:00Z"');
    await replaceText(page, backwards);
    await waitForProblems(page, 1);
    v = await view(page);
    assert.match(v.problems[0].message, /^events\[0\]\.end: end 09:30 is before start 10:00/);
    const at = backwards.indexOf('"2024-05-01T09:30:00Z"');
    const before = backwards.slice(0, at).split('\n');
    assert.equal(v.problems[0].where, `Line ${before.length}, column ${before[before.length - 1].length + 1}`);
    await page.click('#problems button');
    assert.equal(await page.evaluate(() => document.querySelector('#editor').selectionStart), at);
    assert.equal(v.state, 'ready');

    // Characters outside the BMP count once in the core's columns: the cursor still lands right.
    const emoji = '{\n  "title": "🔥🔥 down", x\n}';
    await replaceText(page, emoji);
    await page.waitForFunction(() => /Line 2/.test(document.querySelector('#problems')?.textContent));
    v = await view(page);
    assert.equal(v.problems[0].where, 'Line 2, column 23', 'columns in characters: each 🔥 is one');
    await page.click('#problems button');
    assert.equal(await page.evaluate(() => document.querySelector('#editor').selectionStart), emoji.indexOf('x'));

    assert.deepEqual(await p.events('error', 'chart'), [], 'the element itself never failed');
    assert.deepEqual(await page.evaluate(() => window.__pgFlicker), [], 'the chart stayed up throughout');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('text without a date asks for one; the date field gives it; Download JSON is format v1 and Share link restores input and date', async () => {
  const p = await openPlayground();
  const { page } = p;
  try {
    const text = '## API incident (all times UTC)\n10:00 - 10:25: API outage, connections refused\n10:05: Investigating\n10:40: Resolved\n';
    await replaceText(page, text);
    await waitForProblems(page, 1);
    let v = await view(page);
    assert.match(v.problems[0].message, /gives no date for its times; pass a date/);
    assert.equal(v.problems[0].where, 'Line 2, column 1');
    assert.equal(v.title, '12/7 Outage Post Mortem', 'the seed chart stays');
    await page.fill('#date', '2024-05-01');
    await waitForProblems(page, 0);
    const ready = await p.waitForEvent('chart', 'ready', 2);
    assert.equal(ready.detail.title, 'API incident (all times UTC)');
    v = await view(page);
    assert.match(v.detected, /post-mortem text: 3 events/);

    // Download JSON: format v1, pretty-printed, what the chart shows.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    assert.equal(json.suggestedFilename(), 'api-incident-all-times-utc.json');
    const saved = readFileSync(await json.path(), 'utf8');
    assert.match(saved, /^\{\n {2}"version": 1,\n/);
    const doc = JSON.parse(saved);
    assert.equal(doc.events.length, 3);
    assert.equal(doc.events[0].start, '2024-05-01T10:00:00Z');
    assert.deepEqual(doc, await page.evaluate(() => document.querySelector('#chart').data));
    await page.waitForFunction(() => /Downloaded api-incident-all-times-utc\.json/.test(document.querySelector('#copy-status').textContent));

    // Share link: the input deflated into the fragment, nothing sent anywhere.
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    await page.click('#share');
    await page.waitForFunction(() => /Copied the share link/.test(document.querySelector('#copy-status').textContent));
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(await page.inputValue('#copy-text'), link);
    assert.equal(await page.evaluate(() => location.href), link, 'the address bar holds the link too');
    const url = new URL(link);
    assert.equal(url.pathname, '/playground.html');
    assert.match(url.hash, /^#input=[A-Za-z0-9_-]+&date=2024-05-01$/);
    assert.ok(!p.log.requests.some((r) => r.includes('input=')), 'the input went to no server');

    const q = await h.openPage(url.pathname + url.hash);
    try {
      await q.waitForState('#chart', 'ready');
      assert.equal(await q.page.inputValue('#editor'), text);
      assert.equal(await q.page.inputValue('#date'), '2024-05-01');
      assert.equal((await q.waitForEvent('chart', 'ready')).detail.title, 'API incident (all times UTC)');
      await q.assertClean();
    } finally {
      await q.close();
    }
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('"How it was read" lists each event with its lane, marks an inferred window with the entries it came from, and a title finds its line', async () => {
  const p = await openPlayground();
  const { page } = p;
  try {
    // A post that lists instants, as most do: the window is the reader's inference.
    const text = [
      '# Ingest outage (all times UTC)',
      '2024-05-01',
      '',
      '- 14:02 First alerts for elevated 5xx on the ingest API',
      '- 14:05 On-call engineer paged',
      '- 14:20 We rolled back the deploy',
      '- 14:31 Status page updated',
      '- 14:51 Error rates back to normal',
      '- 15:10 Status page marked resolved',
      '',
    ].join('\n');
    await replaceText(page, text);
    await p.waitForEvent('chart', 'ready', 2);
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('#reading-rows tr')].map((tr) => ({
        cells: [...tr.cells].map((td) => td.textContent),
        inferred: tr.classList.contains('pg-inferred'),
        why: tr.querySelector('.pg-why')?.textContent ?? null,
        find: !!tr.querySelector('button.pg-find'),
      })),
    );
    // What the core returned, independently: the rows follow it one to one.
    const doc = importTimeline(text).timeline;
    assert.equal(rows.length, doc.events.length);
    const lanes = new Map(doc.lanes.map((l) => [l.id, l.label ?? l.id]));
    doc.events.forEach((e, i) => {
      assert.equal(rows[i].cells[1], lanes.get(e.lane), `row ${i}: lane`);
      assert.equal(rows[i].cells[2], e.kind, `row ${i}: kind`);
      assert.equal(rows[i].inferred, !!e.inferred, `row ${i}: inferred`);
    });
    const window = rows.find((r) => r.inferred);
    assert.ok(window, 'the inferred window is listed');
    assert.equal(window.cells[0], 'May 1, 14:02–14:51');
    assert.match(window.cells[3], /inferred/);
    assert.equal(window.why, 'Inferred from \u201cFirst alerts for elevated 5xx on the ingest API\u201d to \u201cError rates back to normal\u201d.');
    assert.ok(new Set(rows.map((r) => r.cells[1])).size >= 3, `lanes by role: ${rows.map((r) => r.cells[1])}`);
    const summary = await page.textContent('#reading-summary');
    assert.match(summary, /1 window inferred/);

    // Choosing a row's title puts the cursor on its line.
    const rolled = await page.locator('#reading-rows button.pg-find', { hasText: 'We rolled back the deploy' });
    await rolled.click();
    const at = await page.evaluate(() => document.querySelector('#editor').selectionStart);
    assert.equal(text.slice(0, at).split('\n').length, 6, 'the cursor is on line 6');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a Statuspage feed from the examples list: read as a feed, its warnings placed by JSON path, the chart drawn with the rest', async () => {
  const p = await openPlayground();
  const { page } = p;
  try {
    await page.selectOption('#example', 'feed');
    await page.click('#load-example');
    const ready = await p.waitForEvent('chart', 'ready', 2);
    assert.equal(ready.detail.title, 'Incident with Packages and Pages');
    assert.equal(ready.detail.events, 13);
    assert.match((await view(page)).detected, /Statuspage feed: 13 events/);
    assert.match(await page.inputValue('#editor'), /^\{\n {4}"page": \{/);

    // An update whose time cannot be read: a warning at that value; the chart keeps the rest.
    const feed = await page.evaluate(() => {
      const doc = JSON.parse(document.querySelector('#editor').value);
      doc.incident.incident_updates[1].display_at = 'garbage';
      return JSON.stringify(doc, null, 4);
    });
    await replaceText(page, feed);
    await waitForProblems(page, 1);
    const v = await view(page);
    assert.equal(v.problems[0].kind, 'Warning');
    assert.match(v.problems[0].message, /^incident\.incident_updates\[1\]\.display_at: "garbage" is not a valid time/);
    const at = feed.indexOf('"garbage"');
    const before = feed.slice(0, at).split('\n');
    assert.equal(v.problems[0].where, `Line ${before.length}, column ${before[before.length - 1].length + 1}`);
    assert.equal((await p.waitForEvent('chart', 'ready', 3)).detail.events, importTimeline(feed).timeline.events.length);
    await page.click('#problems button');
    assert.equal(await page.evaluate(() => document.querySelector('#editor').selectionStart), at);
    // The cursor's line is scrolled into view, and the gutter with it.
    const scroll = await page.evaluate(() => {
      const editor = document.querySelector('#editor');
      return { top: editor.scrollTop, gutter: document.querySelector('#gutter').scrollTop, height: editor.clientHeight };
    });
    const y = (before.length - 1) * 20;
    assert.ok(y >= scroll.top && y + 20 <= scroll.top + scroll.height, `line ${before.length} in view: ${JSON.stringify(scroll)}`);
    assert.equal(scroll.gutter, scroll.top);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('"Copy embed" draws the same chart pasted into a page of its own; "Copy Markdown" is the plugins\' fence; "Download SVG" is renderToSvg\'s bytes', async () => {
  const p = await openPlayground();
  const { page } = p;
  try {
    await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    // A title that would end a <script> early if written as it is.
    const title = 'Checkout </script><script>window.__pwned = 1</script> & <b>more</b>';
    const text = small(title);
    await replaceText(page, text);
    await p.waitForEvent('chart', 'ready', 2);

    await page.click('#copy-embed');
    await page.waitForFunction(() => /Copied the embed code/.test(document.querySelector('#copy-status').textContent));
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(await page.inputValue('#copy-text'), snippet, 'also shown to copy by hand');
    assert.ok(snippet.startsWith(`<script src="${UNPKG}"></script>\n`), snippet.slice(0, 120));
    assert.ok(!snippet.includes('</script><script>'), 'the title cannot break out of the JSON script');
    assert.ok(snippet.includes('\\u003c/script>'));
    assert.match(snippet, /<incident-timeline>\n {2}<script type="application\/json">\n/);
    assert.match(snippet, /<p>Checkout &lt;\/script&gt;/, 'the fallback text is escaped');

    // Pasted into a fresh page (the script served from here: the test is offline).
    embedPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pasted embed</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body>
${snippet.replace(UNPKG, '/pkg/incident-timeline.js').replace('<incident-timeline>', '<incident-timeline id="pasted">')}
</body></html>`;
    const q = await h.openPage('/test/embed.html');
    try {
      await q.waitForState('#pasted', 'ready');
      const ready = await q.waitForEvent('pasted', 'ready');
      assert.equal(ready.detail.title, title);
      assert.equal(ready.detail.events, 2);
      assert.equal(await q.page.evaluate(() => window.__pwned ?? null), null);
      await q.assertClean();
    } finally {
      await q.close();
    }

    await page.click('#copy-markdown');
    await page.waitForFunction(() => /Copied the Markdown block/.test(document.querySelector('#copy-status').textContent));
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const fence = /^```incident-timeline\n([\s\S]*)\n```\n$/.exec(markdown);
    assert.ok(fence, markdown);
    assert.deepEqual(JSON.parse(fence[1]), JSON.parse(text));

    // Download SVG: exactly renderToSvg of the chart's document, in the page.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
    assert.match(svg.suggestedFilename(), /^checkout-script-script-window-pwned-1-script-b-more-b\.svg$/);
    const bytes = readFileSync(await svg.path());
    const expected = await page.evaluate(async () => (await import('/pkg/index.js')).renderToSvg(document.querySelector('#chart').data));
    assert.ok(expected.startsWith('<svg'), expected.slice(0, 40));
    assert.ok(bytes.equals(Buffer.from(expected, 'utf8')), 'the downloaded SVG is renderToSvg\'s output byte for byte');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('strict CSP: no violation while typing, listing problems, copying and downloading; nothing requested off the origin', async () => {
  const p = await openPlayground('/playground-csp.html');
  const { page } = p;
  try {
    const csp = await page.evaluate(async () => (await fetch('/playground-csp.html')).headers.get('content-security-policy'));
    assert.equal(csp, CSP);
    await replaceText(page, small('Under a CSP'));
    await p.waitForEvent('chart', 'ready', 2);
    await page.focus('#editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Backspace');
    await waitForProblems(page, 1);
    await page.click('#problems button');
    await page.keyboard.type('}');
    await waitForProblems(page, 0);
    // No clipboard permission here: the fallback (the selected read-only box) is used.
    await page.click('#copy-embed');
    await page.waitForFunction(() => /embed code/i.test(document.querySelector('#copy-status').textContent));
    assert.match(await page.inputValue('#copy-text'), /<incident-timeline>/);
    assert.equal(await page.evaluate(() => document.querySelector('#copy-box').hidden), false);
    await Promise.all([page.waitForEvent('download'), page.click('#download-svg')]);
    await page.click('#share');
    await page.waitForFunction(() => /share link/i.test(document.querySelector('#copy-status').textContent));
    await p.frames();
    assert.deepEqual(await page.evaluate(() => window.__pgGuard.violations), [], 'CSP violations');
    const elsewhere = p.log.requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('blob:') && !u.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'requests off the origin');
    await p.assertClean();
    // The guard works: an inline style is a violation on this page.
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { color: red }';
      document.head.append(s);
    });
    await page.waitForFunction(() => window.__pgGuard.violations.length > 0);
  } finally {
    await p.close();
  }
});

test('at 360 px: no horizontal scrolling, the editor above the chart; in dark mode the page is dark', async () => {
  const p = await openPlayground('/playground.html', { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
  const { page } = p;
  try {
    await p.frames();
    const layout = await page.evaluate(() => {
      const box = (sel) => document.querySelector(sel).getBoundingClientRect();
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      return {
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        bodyScrollWidth: document.body.scrollWidth,
        editor: box('#editor'),
        chart: box('#chart'),
        background: rgb(getComputedStyle(document.body).backgroundColor),
        text: rgb(getComputedStyle(document.body).color),
        editorBackground: getComputedStyle(document.querySelector('.pg-editor')).backgroundColor,
      };
    });
    assert.ok(layout.scrollWidth <= layout.clientWidth, `scrollWidth ${layout.scrollWidth} > ${layout.clientWidth}`);
    assert.ok(layout.bodyScrollWidth <= layout.clientWidth);
    assert.ok(layout.editor.bottom <= layout.chart.top, 'the editor is stacked above the chart');
    assert.ok(layout.chart.right <= 360 && layout.editor.right <= 360);
    const luminance = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    assert.ok(luminance(layout.background) < 0.15, `dark background: rgb(${layout.background})`);
    assert.ok(luminance(layout.text) > 0.7, `light text: rgb(${layout.text})`);
    // The chart follows the scheme: its dark palette.
    assert.equal(await page.evaluate(() => document.querySelector('#chart').shadowRoot.querySelector('.chart').classList.contains('dark')), true);
    // A problem list at this width does not widen the page either.
    await replaceText(page, `{"version": 1, "title": "${'x'.repeat(300)}", "events": [}`);
    await waitForProblems(page, 1);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
    await p.assertClean();
  } finally {
    await p.close();
  }
});
