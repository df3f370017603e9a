// Status-page feeds in the widget (Chromium): a real Statuspage incident as
// `src`, imported in the browser by the lazily loaded importers; the
// incident-timeline:warning event; and GitHub's whole 13-year status history
// (1,282 real incidents, ../shared/realdata) as one timeline: zoomed from
// years to minutes, walked by keyboard from end to end, listed in the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { startHarness, MOUNTS } from './harness.mjs';
import { importTimeline } from '../../pkg/node.js';

const HISTORY = new URL('../../../shared/realdata/statuspage/github-incident-history/', import.meta.url);

let h;
before(async () => {
  h = await startHarness({ mounts: { ...MOUNTS } });
});
after(() => h?.close());

/** The element's table rows, as arrays of cell texts (building the table if needed). */
function tableRows(page, selector) {
  return page.evaluate(async (sel) => {
    const el = document.querySelector(sel);
    const button = el.shadowRoot.querySelector('button[data-act="table"]');
    if (button.getAttribute('aria-pressed') !== 'true') button.click();
    await el.tableReady;
    return [...el.shadowRoot.querySelectorAll('.table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
  }, selector);
}

test('a Statuspage incident as src: imported in the browser, its components as lanes, the importers fetched only then', async () => {
  const p = await h.openPage('/examples.html');
  try {
    await p.waitForState('#feed', 'ready');
    await p.waitForState('#year', 'ready');
    const ready = (await p.events('ready', 'feed'))[0].detail;
    // bypf7bqdh4g0: "Incident with Packages and Pages", 1 March 2023: Packages
    // and Pages degraded, and the updates.
    assert.equal(ready.title, 'Incident with Packages and Pages');
    const rows = await tableRows(p.page, '#feed');
    const lanes = new Set(rows.map((r) => r[0]));
    assert.ok(lanes.has('Packages') && lanes.has('Pages'), [...lanes].join(', '));
    const packages = rows.find((r) => r[0] === 'Packages' && r[1].startsWith('Degraded'));
    assert.ok(packages, JSON.stringify(rows));
    assert.ok(packages.includes('share not stated'), JSON.stringify(packages));
    // The feed came to the importers: their module and the full core were
    // fetched, once, from beside incident-timeline.js.
    const requested = p.log.requests.map((u) => new URL(u).pathname);
    assert.equal(requested.filter((u) => u === '/pkg/incident-timeline-import.js').length, 1, requested.join('\n'));
    assert.equal(requested.filter((u) => u === '/pkg/incident_timeline_bg.wasm').length, 1);
    await p.assertClean();
  } finally {
    await p.close();
  }
  // A page of format v1 charts only never fetches them.
  const demo = await h.openPage('/post-json.html');
  try {
    await demo.waitForState('#postmortem', 'ready');
    assert.ok(!demo.log.requests.some((u) => /incident-timeline-import|incident_timeline_bg/.test(u)));
  } finally {
    await demo.close();
  }
});

test('what a feed leaves out goes to an incident-timeline:warning event and the console, not the page', async () => {
  const p = await h.openPage('/test/blank.html');
  try {
    const feed = {
      page: { id: 'p', name: 'Example', url: 'https://status.example.com' },
      incidents: [{
        id: 'inc1', name: 'API <b>errors</b>', status: 'resolved', impact: 'major',
        started_at: '2024-05-01T10:00:00Z', resolved_at: '2024-05-01T11:00:00Z',
        incident_updates: [
          { id: 'u1', status: 'investigating', body: 'Looking &amp; <i>digging</i>', display_at: '2024-05-01T10:05:00Z' },
          { id: 'u2', status: 'resolved', body: 'Fixed', display_at: '2024-05-01 11:00:00' },
        ],
      }],
    };
    const result = await p.page.evaluate((data) => new Promise((resolve) => {
      const el = document.createElement('incident-timeline');
      el.id = 'w';
      el.addEventListener('incident-timeline:warning', (e) => resolve(JSON.parse(JSON.stringify(e.detail))));
      el.data = data;
      document.querySelector('#host').append(el);
    }), feed);
    assert.equal(result.source, 'statuspage');
    assert.ok(result.warnings.some((w) => w.path.includes('incident_updates') && /offset|UTC/.test(w.message)), JSON.stringify(result));
    await p.waitForState('#w', 'ready');
    const rows = await tableRows(p.page, '#w');
    // Markup in a name or body is read as text (tags dropped, entities decoded), never as HTML.
    assert.ok(rows.some((r) => r.includes('API errors')), JSON.stringify(rows));
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('b, i').length), 0);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('GitHub\'s 13-year history as one timeline: years to minutes, every incident by keyboard, all in the table', async () => {
  const files = readdirSync(HISTORY).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 1282);
  const docs = files.map((f) => JSON.parse(readFileSync(new URL(f, HISTORY), 'utf8')));
  // Together, the one-incident files are one incidents.json of 13 years.
  const feed = { page: docs[0].page, incidents: docs.map((d) => d.incident) };
  const { timeline, source } = importTimeline(feed);
  assert.equal(source, 'statuspage');
  const events = timeline.events.length;
  assert.ok(events > 2000, `${events} events`);
  const p = await h.openPage('/test/blank.html', { viewport: { width: 1100, height: 900 } });
  try {
    await p.page.evaluate((data) => {
      const el = document.createElement('incident-timeline');
      el.id = 'gh';
      el.data = data;
      document.querySelector('#host').append(el);
    }, timeline);
    await p.waitForState('#gh', 'ready');
    const state = () => p.page.evaluate(() => {
      const root = document.querySelector('#gh').shadowRoot;
      return { live: root.querySelector('[aria-live]').textContent };
    });
    // Zoom in step by step with "+": the axis goes from years to minutes.
    await p.page.evaluate(() => document.querySelector('#gh').shadowRoot.querySelector('.chart').focus());
    await p.page.keyboard.press('End'); // the newest event: zoom around it
    const units = [];
    for (let i = 0; i < 40; i += 1) {
      await p.page.keyboard.press('+');
      const { live } = await state();
      const unit = /ticks every (?:\d+ )?(\w+?)s?$/.exec(live)?.[1];
      if (unit && units.at(-1) !== unit) units.push(unit);
      if (unit === 'minute') break;
    }
    for (const unit of ['month', 'day', 'hour', 'minute']) assert.ok(units.includes(unit), `zoomed through ${unit}s: ${units}`);
    assert.ok(units.indexOf('month') < units.indexOf('day') && units.indexOf('day') < units.indexOf('hour') && units.indexOf('hour') < units.indexOf('minute'), units.join(' → '));
    // Back to the whole 13 years: ticks of years.
    await p.page.keyboard.press('0');
    assert.match((await state()).live, /ticks every (\d+ )?years?$/);
    // The keyboard reaches the first and the last event in time (Home, End),
    // and walks from one to the next.
    const lane = (e) => timeline.lanes.findIndex((l) => l.id === e.lane);
    const order = timeline.events
      .map((e, i) => ({ e, i, t: Date.parse(e.start ?? e.at) }))
      .sort((a, b) => a.t - b.t || lane(a.e) - lane(b.e) || a.i - b.i);
    await p.page.keyboard.press('Home');
    assert.ok((await state()).live.includes(order[0].e.title), (await state()).live);
    await p.page.keyboard.press('ArrowRight');
    assert.ok((await state()).live.includes(order[1].e.title), (await state()).live);
    await p.page.keyboard.press('End');
    assert.ok((await state()).live.includes(order.at(-1).e.title), (await state()).live);
    // The table lists every event.
    const rows = await tableRows(p.page, '#gh');
    assert.equal(rows.length, events);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('post-mortem text: the element reads its own fallback (from="fallback") and a text/plain script, through the full core', async () => {
  const p = await h.openPage('/test/text.html');
  try {
    await p.waitForState('#fb', 'ready');
    await p.waitForState('#tp', 'ready');
    // The seed's 21 timed lines, each an event; the fallback is still there, hidden.
    const ready = (await p.events('ready', 'fb'))[0].detail;
    assert.equal(ready.events, 21);
    const fallback = await p.page.evaluate(() => {
      const el = document.querySelector('#fb');
      return { paragraphs: el.querySelectorAll(':scope > p').length, shown: el.querySelector(':scope > p').checkVisibility() };
    });
    assert.deepEqual(fallback, { paragraphs: 22, shown: false });
    const rows = await tableRows(p.page, '#fb');
    // The four outages of 7 December (dates from the date attribute until the text's "(12/8)").
    const outages = rows.filter((r) => r[1].startsWith('Outage') && r[3].includes('Dec 7, 2022'));
    assert.equal(outages.length, 4, JSON.stringify(rows));
    assert.ok(rows.some((r) => r[2].startsWith('The backend server is initialized') && r[3].includes('Dec 8, 2022, 9:00 AM')));
    assert.ok(rows.some((r) => r[1].startsWith('Degraded') && r.includes('30% affected')), JSON.stringify(rows));
    // The text/plain script: its unreadable line is a warning with its line and column.
    const w = (await p.waitForEvent('tp', 'warning')).detail;
    assert.equal(w.source, 'text');
    assert.ok(w.warnings.some((x) => x.line === 6 && x.column >= 1 && /25:99/.test(x.message)), JSON.stringify(w));
    const tp = await tableRows(p.page, '#tp');
    assert.ok(tp.some((r) => r[1].startsWith('Outage')), JSON.stringify(tp));
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('post-mortem text of instants: the impact window is inferred, and infer="none" turns that off', async () => {
  const p = await h.openPage('/test/text.html');
  try {
    await p.page.evaluate(() => {
      const text = '14:02 UTC: First alerts for elevated 5xx errors\n14:20 UTC: Most services begin to recover\n14:51 UTC: Incident mitigated';
      for (const [id, infer] of [['auto', null], ['none', 'none']]) {
        const el = document.createElement('incident-timeline');
        el.id = id;
        el.setAttribute('format', 'text');
        el.setAttribute('date', '2024-05-01');
        if (infer) el.setAttribute('infer', infer);
        el.data = text;
        document.body.append(el);
      }
    });
    await p.waitForState('#auto', 'ready');
    await p.waitForState('#none', 'ready');
    const auto = await tableRows(p.page, '#auto');
    const none = await tableRows(p.page, '#none');
    // Inferred: degraded ("elevated") from the first alerts to "mitigated",
    // 49 minutes, in the Impact lane; the alert stays a milestone of its own.
    const impact = auto.filter((r) => /^(Outage|Degraded)/.test(r[1]));
    assert.equal(impact.length, 1, JSON.stringify(auto));
    const [lane, kind, , start, end, duration] = impact[0];
    assert.deepEqual([lane, kind, duration], ['Impact', 'Degraded', '49 min'], JSON.stringify(auto));
    assert.match(start, /2:02 PM/);
    assert.match(end, /2:51 PM/);
    assert.ok(auto.some((r) => r[1] === 'Milestone' && r[2] === 'First alerts for elevated 5xx errors'), JSON.stringify(auto));
    // Off: the three instants, nothing else.
    assert.equal(none.length, 3, JSON.stringify(none));
    assert.ok(none.every((r) => r[1] === 'Milestone'), JSON.stringify(none));
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('post-mortem text with format="text": a Markdown file as src, and a string as .data', async () => {
  const p = await h.openPage('/test/text.html');
  try {
    await p.page.evaluate(() => {
      const md = document.createElement('incident-timeline');
      md.id = 'md';
      md.setAttribute('format', 'text');
      md.setAttribute('src', '/test/post.md');
      const str = document.createElement('incident-timeline');
      str.id = 'str';
      str.setAttribute('format', 'text');
      str.setAttribute('date', '2024-05-01');
      str.data = '10:00 - 10:25 UTC: API outage, connections refused\n10:40 UTC: Fix deployed';
      document.body.append(md, str);
    });
    await p.waitForState('#md', 'ready');
    await p.waitForState('#str', 'ready');
    // The .md file's dated heading gives the day; the string's day is the date attribute.
    const md = await tableRows(p.page, '#md');
    assert.equal(md.length, 2, JSON.stringify(md));
    assert.ok(md.some((r) => r[1].startsWith('Outage') && r[2] === 'Search outage, every query failed' && /(5 Mar|Mar 5), 2024/.test(r[3]) && r[5] === '29 min'), JSON.stringify(md));
    assert.ok(md.some((r) => r[1] === 'Milestone' && r[2] === 'Cause identified: a bad index push'), JSON.stringify(md));
    const str = await tableRows(p.page, '#str');
    assert.equal(str.length, 2, JSON.stringify(str));
    assert.ok(str.some((r) => r[1].startsWith('Outage') && r[2] === 'API outage, connections refused' && /(1 May|May 1), 2024/.test(r[3]) && r[5] === '25 min'), JSON.stringify(str));
    await p.assertClean();
  } finally {
    await p.close();
  }
});
