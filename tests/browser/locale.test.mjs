// The chart in the page's language (tests/browser/pages/locale.html): the
// seed post-mortem with lang="de", lang="ja", in a dir="rtl" section, with a
// page's own Italian words, and with a language that has no table. What the
// widget writes (the table, the tooltip, the live region, the toolbar) and
// what renderToSvg writes (the axis's day row, the summary in <desc>) is
// checked against what the browser's Intl writes for the same instants and
// zone, and against the language's table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startHarness, canvasDigest } from './harness.mjs';

const seed = JSON.parse(readFileSync(new URL('../../www/examples/seed-postmortem.json', import.meta.url), 'utf8'));
const table = (tag) => JSON.parse(readFileSync(new URL(`../../locales/${tag}.json`, import.meta.url), 'utf8'));
const outage = seed.events.find((e) => e.id === 'outage-1');
const ZONE = 'America/Los_Angeles';

let h;
let p;
before(async () => {
  h = await startHarness();
  p = await h.openPage('/test/locale.html');
  for (const id of ['de', 'ja', 'rtl', 'it', 'xx', 'en']) await p.waitForState(`#${id}`, 'ready');
});
after(async () => {
  await p?.close();
  await h?.close();
});

/** What Intl writes for `lang` (spaces made plain, as the chart writes them). */
function intl(lang) {
  return p.page.evaluate(({ lang, start, end, zone }) => {
    const plain = (s) => s.replace(/[\u00a0\u2009\u202f]/g, ' ');
    const date = (options, t) => plain(new Intl.DateTimeFormat(lang, { timeZone: zone, ...options }).format(new Date(t)));
    const unit = (unit, n) => plain(new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
    const time = { hour: 'numeric', minute: '2-digit' };
    return {
      day: date({ month: 'short', day: 'numeric' }, start),
      start: date(time, start),
      end: date(time, end),
      full: date({ weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', ...time }, start),
      days: [0, 1, 2].map((d) => date({ weekday: 'short', month: 'short', day: 'numeric' }, Date.parse(start) + d * 86400000)),
      minutes: unit('minute', 25),
      downtime: [unit('hour', 1), unit('minute', 28)],
    };
  }, { lang, start: outage.start, end: outage.end, zone: ZONE });
}

/** The widget's table rows, headers, toolbar and the like. */
function widget(id) {
  return p.page.evaluate((id) => {
    const root = document.getElementById(id).shadowRoot;
    return {
      head: [...root.querySelectorAll('thead th')].map((th) => th.textContent),
      rows: [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
      buttons: [...root.querySelectorAll('.toolbar button')].map((b) => ({ text: b.textContent, label: b.getAttribute('aria-label'), title: b.title })),
      lang: root.querySelector('.chart').lang,
      dir: root.querySelector('.chart').dir,
    };
  }, id);
}

/** Steps with the arrow keys to the seed's first outage; returns what the live region said. */
async function announceOutage(id) {
  await p.page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.chart').focus(), id);
  for (let i = 0; i < 40; i += 1) {
    await p.page.keyboard.press('ArrowRight');
    const live = await p.page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('[aria-live]').textContent, id);
    if (live.includes(outage.title)) return live;
  }
  assert.fail(`${id}: the arrow keys never reached "${outage.title}"`);
}

/** Hovers the focused event (the middle of its focus ring); returns the tooltip's text. */
async function hoverFocused(id) {
  const at = await p.page.evaluate((id) => {
    const r = document.getElementById(id).shadowRoot.querySelector('.focus').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, id);
  await p.page.mouse.move(1, 1);
  await p.page.mouse.move(at.x, at.y, { steps: 2 });
  await p.page.waitForFunction((id) => document.getElementById(id).shadowRoot.querySelector('.tip').checkVisibility(), id);
  const text = await p.page.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.tip').innerText, id);
  await p.page.mouse.move(1, 1);
  return text;
}

/** renderToSvg in the page (the npm module's full core): the SVG's text and <desc>. */
function svg(locale) {
  return p.page.evaluate(async ({ locale, seed }) => {
    const { renderToSvg } = await import('/pkg/index.js');
    const doc = new DOMParser().parseFromString(renderToSvg(seed, { width: 900, locale }), 'image/svg+xml');
    return {
      lang: doc.documentElement.getAttribute('lang'),
      desc: doc.querySelector('desc').textContent,
      words: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()),
    };
  }, { locale, seed });
}

for (const lang of ['de', 'ja']) {
  test(`lang="${lang}": the table, live region, tooltip, toolbar and SVG as Intl and locales/${lang}.json write them`, async () => {
    const words = table(lang);
    const want = await intl(lang);
    const w = await widget(lang);
    assert.equal(w.lang, lang);
    assert.deepEqual(w.head, ['lane', 'kind', 'event', 'start', 'end', 'duration', 'impact'].map((k) => words[`table.${k}`]));
    const row = w.rows.find((r) => r[2] === outage.title);
    assert.ok(row, `the outage's row in ${JSON.stringify(w.rows)}`);
    assert.equal(row[3], `${want.full} PST`, 'the start, as Intl writes it');
    assert.equal(row[5], want.minutes, 'the duration, as Intl writes 25 minutes');
    assert.ok(row[1].startsWith(words['kind.outage']), row[1]);

    const live = await announceOutage(lang);
    for (const part of [want.day, want.start, want.end, words['kind.outage'], want.minutes]) {
      assert.ok(live.includes(part), `live region "${live}" has "${part}"`);
    }
    const tip = await hoverFocused(lang);
    for (const part of [want.day, want.start, want.end, words['kind.outage']]) {
      assert.ok(tip.includes(part), `tooltip "${tip}" has "${part}"`);
    }

    // The toolbar: each button's visible word is its accessible name, or
    // the button is a symbol named by its label.
    const [zoomIn, zoomOut, reset, tableButton] = w.buttons;
    assert.deepEqual([zoomIn.label, zoomOut.label], [words['toolbar.zoomIn'], words['toolbar.zoomOut']]);
    assert.deepEqual([reset.text, reset.label, reset.title], [words['toolbar.reset'], null, words['toolbar.resetTitle']]);
    assert.equal(tableButton.text, words['toolbar.table']);

    // The SVG: the axis's day row and the summary, in the same words.
    const s = await svg(lang);
    assert.equal(s.lang, lang);
    for (const day of want.days) assert.ok(s.words.includes(day), `day row "${day}" in ${s.words.join(' | ')}`);
    assert.ok(s.desc.includes(want.downtime.join(' ')), `desc "${s.desc}" has ${want.downtime.join(' ')}`);
    assert.ok(s.words.includes(words['legend.outage.critical']), 'the legend');
  });
}

test('dir="rtl": toolbar, table and panels right to left; the time axis as drawn left to right', async () => {
  const w = await widget('rtl');
  assert.equal(w.dir, 'rtl');
  const layout = await p.page.evaluate(() => {
    const root = document.getElementById('rtl').shadowRoot;
    const x = (sel) => root.querySelector(sel).getBoundingClientRect().left;
    const dir = (sel) => getComputedStyle(root.querySelector(sel)).direction;
    return {
      toolbar: dir('.toolbar'), table: dir('.table'), plot: dir('.plot'), canvas: dir('canvas'),
      zoomInRightOfZone: x('[data-act=in]') > x('select'),
    };
  });
  assert.deepEqual(layout, { toolbar: 'rtl', table: 'rtl', plot: 'ltr', canvas: 'ltr', zoomInRightOfZone: true });
  // The same German chart (lang="de-DE" in the section) as #de, pixel for pixel.
  assert.equal(await canvasDigest(p.page, '#rtl'), await canvasDigest(p.page, '#de'));
  // The page's own word for de-DE, over the shipped German table.
  assert.equal(w.buttons[3].text, 'Liste');
  assert.equal(w.head[0], table('de')['table.lane']);
});

test('a page\'s own words (IncidentTimelineElement.strings) for a language without a table; dates from Intl', async () => {
  const w = await widget('it');
  assert.equal(w.lang, 'it');
  assert.equal(w.buttons[3].text, 'Tabella');
  assert.equal(w.head[0], 'Corsia');
  assert.equal(w.head[1], 'Kind', 'words the page did not give stay English');
  const want = await intl('it');
  const row = w.rows.find((r) => r[2] === outage.title);
  assert.equal(row[3], `${want.full} PST`);
  assert.ok(row[1].startsWith('Interruzione'), row[1]);
});

test('a language without a table is English, with one warning per language, never an error', async () => {
  const w = await widget('xx');
  assert.equal(w.lang, 'en');
  assert.equal(w.head[0], 'Lane');
  const warnings = await p.page.evaluate(async () => {
    const seen = [];
    const warn = console.warn;
    console.warn = (...a) => { seen.push(String(a[0])); };
    const add = (lang) => new Promise((done) => {
      const el = document.createElement('incident-timeline');
      el.lang = lang;
      el.src = '/examples/seed-postmortem.json';
      el.setAttribute('src', '/examples/seed-postmortem.json');
      el.addEventListener('incident-timeline:ready', done, { once: true });
      document.querySelector('main').append(el);
    });
    await add('xx'); // warned already
    await add('yy-ZZ');
    await add('yy-ZZ');
    console.warn = warn;
    return seen.filter((s) => s.includes('no translation'));
  });
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.match(warnings[0], /lang="yy-ZZ"/);
  await p.assertClean();
});

test('a new lang on the element redraws the chart in it', async () => {
  // A tall chart paints the rows near the screen: the same place on screen for each picture.
  const digest = async () => {
    await p.page.evaluate(() => document.getElementById('en').scrollIntoView({ block: 'start' }));
    await p.frames();
    return canvasDigest(p.page, '#en');
  };
  const before = await digest();
  await p.page.evaluate(() => document.getElementById('en').setAttribute('lang', 'fr'));
  await p.page.waitForFunction(() => document.getElementById('en').shadowRoot.querySelector('.chart').lang === 'fr');
  const w = await widget('en');
  assert.equal(w.buttons[3].text, table('fr')['toolbar.table']);
  assert.notEqual(await digest(), before, 'the canvas is French now');
  await p.page.evaluate(() => document.getElementById('en').removeAttribute('lang'));
  await p.page.waitForFunction(() => document.getElementById('en').shadowRoot.querySelector('.chart').lang === 'en');
  assert.equal(await digest(), before, 'English again, as drawn before');
  await p.assertClean();
});
