// Interaction, accessibility, theming and time zones (issue 4), in Chromium:
// hover tooltips, keyboard navigation with its aria-live announcements and
// the details panel, the time-zone switch (toolbar, attribute, inherited
// attribute), keyboard zoom and reset, a 320 px wide window and the dark
// theme, the table view, CSS colour properties and #event-id links.
// Screenshots go to tests/artifacts/ (git-ignored) for a look by eye.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHarness, inspectCanvas, canvasDigest, canvasPixel, assertColor, rgb } from './harness.mjs';

const seed = JSON.parse(readFileSync(new URL('../../www/examples/seed-postmortem.json', import.meta.url), 'utf8'));
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

const CRITICAL_OUTAGE_LIGHT = '#8e1519';
const LANE_BAND_LIGHT = '#f6f8fa';
/** The built-in palettes' critical-outage and lane-band colours (src/theme.rs). */
const PALETTE = {
  light: { critical: CRITICAL_OUTAGE_LIGHT, band: LANE_BAND_LIGHT },
  dark: { critical: '#ff9492', band: '#151b23' },
};
const OUTAGE_LIGHT = '#d1242f';

// ---- the seed, read here (the expectations do not come from the widget) ----

// Times without an offset are in the timeline's zone: Los Angeles, which is
// on PST (UTC-8) on every date of the seed (7-9 December 2022).
assert.equal(seed.timezone, 'America/Los_Angeles');
function startOf(e) {
  const s = e.start || e.at;
  assert.match(s, /^2022-12-0[789]T/, 'every seed date is in PST');
  return Date.parse(/(Z|[+-]\d\d:\d\d)$/.test(s) ? s : `${s}-08:00`);
}
/** The wall-clock start as the widget writes it in the seed's zone ("8:24", "12:39", "4:33"). */
function clockOf(e) {
  const [, hh, mm] = /T(\d\d):(\d\d)/.exec(e.start || e.at);
  return `${Number(hh) % 12 || 12}:${mm}`;
}
const laneLabel = (e) => seed.lanes.find((l) => l.id === e.lane).label;
const firstOutage = seed.events.find((e) => e.id === 'outage-1');

// ---- page helpers ----

let h;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

/**
 * Runs `fn(shadowRoot, element, ...args)` in the page (as an expression over
 * CDP, which a page's CSP does not restrict; `args` must be JSON).
 */
function inShadow(page, selector, fn, ...args) {
  const call = `(() => { const el = document.querySelector(${JSON.stringify(selector)}); ` +
    `return (${fn})(el.shadowRoot, el, ...${JSON.stringify(args)}); })()`;
  return page.evaluate(call);
}

/** What a reader sees and hears of the widget right now. */
function widgetState(page, selector = '#postmortem') {
  return inShadow(page, selector, (root, el) => {
    const box = (n) => {
      const r = n.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    const tip = root.querySelector('.tip');
    const details = root.querySelector('.details');
    const focus = root.querySelector('.focus');
    return {
      chartFocused: document.activeElement === el && root.activeElement === root.querySelector('.chart'),
      live: root.querySelector('[aria-live]').textContent,
      tip: tip.checkVisibility() ? { text: tip.innerText, box: box(tip) } : null,
      details: details.checkVisibility()
        ? { title: details.querySelector('h3')?.textContent, text: details.innerText, box: box(details) }
        : null,
      focusRing: focus.checkVisibility() ? box(focus) : null,
      resetDisabled: root.querySelector('[data-act=reset]').disabled,
      zone: root.querySelector('select').value,
      zoneLabel: root.querySelector('select').selectedOptions[0]?.textContent,
      host: box(el),
      viewport: { width: document.documentElement.clientWidth, height: innerHeight },
    };
  });
}

/**
 * Where (page coordinates) the first critical outage is drawn: the first
 * run of critical-outage pixels in the first (web server) lane band.
 */
async function firstOutageAt(page, selector = '#postmortem', theme = 'light', { merged = false } = {}) {
  const { critical, band } = PALETTE[theme];
  const px = await inspectCanvas(page, selector, { color: rgb(critical), band: rgb(band), tolerance: 2 });
  assert.ok(px.bands.length >= 2, `lane bands: ${JSON.stringify(px.bands)}`);
  const web = px.inBands[0];
  // On a narrow chart the first two outages (25 min, then 2 h later) are a
  // couple of pixels apart on the one time scale (#16): one run of pixels.
  if (merged) assert.equal(web.runs.length, 3, `the web lane's critical outages, the first two together: ${JSON.stringify(web.runs)}`);
  else assert.equal(web.runs.length, 4, `the four critical outages of the web lane: ${JSON.stringify(web.runs)}`);
  const run = web.runs[0];
  const canvas = await inShadow(page, selector, (root) => {
    const r = root.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  // The bars' row: the first rows of the band holding the colour (a lane
  // band also holds callout rows under its bars since #16, so its middle
  // may be under them).
  let top = web.top;
  while (top < web.bottom && !px.perRow[top]) top += 1;
  let bottom = top;
  while (bottom < web.bottom && px.perRow[bottom]) bottom += 1;
  const x = merged ? run.left + 1.5 : (run.left + run.right) / 2;
  return { x: canvas.x + x, y: canvas.y + (top + bottom) / 2 };
}

/** Moves the mouse onto the first outage; returns the tooltip. */
async function hoverFirstOutage(p, selector = '#postmortem', theme = 'light', options = {}) {
  const at = await firstOutageAt(p.page, selector, theme, options);
  await p.page.mouse.move(1, 1);
  await p.page.mouse.move(at.x, at.y, { steps: 2 });
  await p.page.waitForFunction(
    (sel) => document.querySelector(sel).shadowRoot.querySelector('.tip').checkVisibility(),
    selector,
  );
  return (await widgetState(p.page, selector)).tip;
}

/** Tabs from the top of the page until the chart box has the focus. */
async function tabIntoChart(page, selector = '#postmortem') {
  for (let i = 0; i < 20; i += 1) {
    await page.keyboard.press('Tab');
    if ((await widgetState(page, selector)).chartFocused) return;
  }
  assert.fail('Tab never reached the chart');
}

/** Boxes (viewport px) of everything drawn in the page and in the widgets' shadow roots that crosses the window's sides. */
function overflowing(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    const walk = (root) => {
      for (const n of root.querySelectorAll('*')) {
        if (n.shadowRoot) walk(n.shadowRoot);
        // Visually hidden on purpose (the screen-reader table and hint): clipped to nothing.
        if (n.closest('.sr-only')) continue;
        const r = n.getBoundingClientRect();
        if (!r.width || !r.height || !n.checkVisibility()) continue;
        // Clipped by a scrolling or clipping ancestor inside the same tree
        // (the table view scrolls sideways in its own box). The widget's
        // host is not one of them: the shadow contents must fit by themselves.
        let { left, right } = r;
        for (let a = n.parentElement; a; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') {
            const c = a.getBoundingClientRect();
            left = Math.max(left, c.left);
            right = Math.min(right, c.right);
          }
        }
        if (right > left && (left < -0.5 || right > vw + 0.5)) {
          out.push(`${n.localName}.${n.className} [${r.left.toFixed(1)}, ${r.right.toFixed(1)}]`);
        }
      }
    };
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, viewport: vw, out };
  });
}

function assertInside(box, bounds, what) {
  const ok = box.left >= bounds.left - 0.5 && box.right <= bounds.right + 0.5 && box.top >= bounds.top - 0.5 && box.bottom <= bounds.bottom + 0.5;
  assert.ok(ok, `${what}: ${JSON.stringify(box)} is not inside ${JSON.stringify(bounds)}`);
}

const shot = (name) => `${ARTIFACTS}interaction-${name}.png`;

// ---- 1. tooltips ----

test('hovering the first outage shows a tooltip with its times in PST', async () => {
  const p = await h.openPage('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const tip = await hoverFirstOutage(p);
    assert.ok(tip, 'the tooltip is visible');
    assert.match(tip.text, /Connections rejected, 5XX errors/);
    for (const s of ['8:24', '8:49', 'PST']) assert.ok(tip.text.includes(s), `tooltip has "${s}": ${tip.text}`);
    const state = await widgetState(p.page);
    assertInside(tip.box, { left: 0, top: 0, right: state.viewport.width, bottom: state.viewport.height }, 'tooltip in the window');
    await p.page.screenshot({ path: shot('tooltip-1280') });

    // Leaving the chart hides it.
    await p.page.mouse.move(2, 2);
    assert.equal((await widgetState(p.page)).tip, null, 'the tooltip hides when the pointer leaves');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- 2. keyboard ----

test('keyboard: Tab in, arrows walk the events in time order with announcements, Enter/Escape open and close the details', async () => {
  const p = await h.openPage('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    await tabIntoChart(p.page);

    // ArrowRight from nothing lands on the first event, then walks on.
    const heard = [];
    for (let i = 0; i < seed.events.length; i += 1) {
      await p.page.keyboard.press('ArrowRight');
      const s = await widgetState(p.page);
      assert.ok(s.chartFocused, 'the focus stays on the chart');
      assert.ok(s.focusRing, 'a focus ring is drawn around the focused event');
      heard.push(s.live);
    }
    assert.ok(
      heard[0].startsWith(`Outage (critical), Web server: ${firstOutage.title}. `),
      `first announcement: ${heard[0]}`,
    );
    assert.match(heard[0], /8:24 – 8:49 AM PST/);

    // Each announcement names a different event (lane, title, start clock);
    // their starts, from the JSON, never go back in time.
    const used = new Set();
    let previous = -Infinity;
    for (const [k, sentence] of heard.entries()) {
      if (k > 0) assert.notEqual(sentence, heard[k - 1], `announcement ${k + 1} changed`);
      const candidates = seed.events.filter(
        (e) => !used.has(e) && sentence.includes(`${laneLabel(e)}: ${e.title}. `) && sentence.includes(clockOf(e)),
      );
      assert.ok(candidates.length >= 1, `announcement ${k + 1} names a seed event: ${sentence}`);
      const e = candidates.sort((a, b) => startOf(a) - startOf(b)).find((c) => startOf(c) >= previous);
      assert.ok(e, `announcement ${k + 1} goes back in time: ${sentence}`);
      used.add(e);
      previous = startOf(e);
    }
    assert.equal(used.size, seed.events.length, 'every event was announced once');

    // At the last event ArrowRight stays put; Home goes back to the first.
    await p.page.keyboard.press('ArrowRight');
    assert.equal((await widgetState(p.page)).live, heard[heard.length - 1]);
    await p.page.keyboard.press('Home');
    assert.equal((await widgetState(p.page)).live, heard[0]);
    await p.page.keyboard.press('ArrowRight');
    await p.page.keyboard.press('ArrowRight');
    const third = await widgetState(p.page);
    assert.equal(third.live, heard[2]);
    assert.equal(third.details, null, 'no details before Enter');

    // Enter pins the focused event's details.
    await p.page.keyboard.press('Enter');
    const open = await widgetState(p.page);
    assert.ok(open.details, 'Enter shows the details panel');
    const focusedEvent = [...used][2];
    assert.equal(open.details.title, focusedEvent.title);
    assert.ok(open.details.text.includes(clockOf(focusedEvent)), `details: ${open.details.text}`);
    assert.ok(open.chartFocused);
    assertInside(open.details.box, { left: 0, top: 0, right: open.viewport.width, bottom: open.viewport.height }, 'details scrolled into the window');
    await p.page.screenshot({ path: shot('details-1280') });

    // Escape closes it; the live region still announces the focused event.
    await p.page.keyboard.press('Escape');
    const closed = await widgetState(p.page);
    assert.equal(closed.details, null, 'Escape hides the details panel');
    assert.equal(closed.live, heard[2]);
    assert.ok(closed.live.includes(focusedEvent.title));
    assert.ok(closed.chartFocused, 'the focus stays on the chart');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- 3. time zones ----

test('time zone: the toolbar select, the attribute and an ancestor attribute switch axis and tooltips to UTC', async () => {
  const p = await h.openPage('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const pst = await canvasDigest(p.page, '#postmortem');
    assert.equal((await widgetState(p.page)).zoneLabel, 'America/Los_Angeles (timeline)');

    await p.page.selectOption('#postmortem select', 'UTC');
    const viaSelect = await canvasDigest(p.page, '#postmortem');
    assert.notEqual(viaSelect, pst, 'the canvas (axis labels, zone note) changed');
    let tip = await hoverFirstOutage(p);
    assert.ok(tip.text.includes('4:24') && tip.text.includes('4:49 PM') && tip.text.includes('UTC'), `tooltip: ${tip.text}`);
    assert.ok(!tip.text.includes('PST'), `no PST left: ${tip.text}`);
    await p.page.mouse.move(2, 2);

    // Back to the timeline's zone: the original drawing.
    await p.page.selectOption('#postmortem select', '');
    assert.equal(await canvasDigest(p.page, '#postmortem'), pst);

    // The attribute does the same, and the select names the page's choice.
    await p.page.evaluate(() => document.querySelector('#postmortem').setAttribute('time-zone', 'UTC'));
    await p.waitForState('#postmortem', 'ready');
    assert.equal(await canvasDigest(p.page, '#postmortem'), viaSelect, 'time-zone="UTC" draws what the select did');
    const s = await widgetState(p.page);
    assert.equal(s.zone, '');
    assert.equal(s.zoneLabel, 'UTC (page)', 'the select shows the zone in use');
    tip = await hoverFirstOutage(p);
    assert.ok(tip.text.includes('4:24') && tip.text.includes('UTC') && !tip.text.includes('PST'), `tooltip: ${tip.text}`);
    await p.assertClean();
  } finally {
    await p.close();
  }

  // Inherited from an ancestor: as if the element had it.
  const z = await h.openPage('/test/zones.html');
  try {
    for (const id of ['#plain', '#own', '#inherited']) await z.waitForState(id, 'ready');
    const [plain, own, inherited] = await Promise.all(['#plain', '#own', '#inherited'].map((id) => canvasDigest(z.page, id)));
    assert.notEqual(own, plain, 'time-zone="UTC" changes the drawing');
    assert.equal(inherited, own, 'an ancestor\'s time-zone="UTC" draws the same as the element\'s own');
    await z.page.evaluate(() => document.querySelector('#inherited').scrollIntoView({ block: 'center' }));
    const tip = await hoverFirstOutage(z, '#inherited');
    assert.ok(tip.text.includes('4:24') && tip.text.includes('UTC') && !tip.text.includes('PST'), `tooltip: ${tip.text}`);
    assert.equal((await widgetState(z.page, '#inherited')).zoneLabel, 'UTC (page)');

    // Changed on the ancestor after load: the chart follows; removed, back
    // to the timeline's own zone.
    await z.page.mouse.move(2, 2);
    await z.page.evaluate(() => document.querySelector('section[time-zone]').setAttribute('time-zone', 'America/Los_Angeles'));
    await z.page.waitForFunction(() => document.querySelector('#inherited').shadowRoot.querySelector('select').options[0].textContent === 'America/Los_Angeles (page)');
    assert.equal(await canvasDigest(z.page, '#inherited'), plain, 'the ancestor\'s new zone (the timeline\'s own) draws like #plain');
    await z.page.evaluate(() => document.querySelector('section[time-zone]').removeAttribute('time-zone'));
    await z.page.waitForFunction(() => document.querySelector('#inherited').shadowRoot.querySelector('select').options[0].textContent === 'America/Los_Angeles (timeline)');
    assert.equal(await canvasDigest(z.page, '#inherited'), plain);
    assert.equal(await canvasDigest(z.page, '#own'), own, 'an element with its own time-zone keeps it');
    await z.assertClean();
  } finally {
    await z.close();
  }
});

// ---- 4. zoom ----

test('zoom: "+" with the chart focused zooms in step by step and enables Reset; "0" and Reset restore the full view', async () => {
  const p = await h.openPage('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const el = await p.page.$('#postmortem');
    await tabIntoChart(p.page);
    const full = await canvasDigest(p.page, '#postmortem');
    assert.equal((await widgetState(p.page)).resetDisabled, true, 'Reset is disabled at the full view');
    await el.screenshot({ path: shot('zoom-0') });

    const views = [full];
    const steps = [];
    for (let i = 1; i <= 6; i += 1) {
      await p.page.keyboard.press('+');
      const d = await canvasDigest(p.page, '#postmortem');
      assert.ok(!views.includes(d), `press ${i} of "+" drew a new view`);
      views.push(d);
      const state = await widgetState(p.page);
      assert.equal(state.resetDisabled, false, 'Reset is enabled once zoomed');
      steps.push(state.live);
    }
    // The axis re-flows as the range narrows: hours first, minutes at the end
    // (announced to screen readers; the screenshot shows the labels).
    const ms = (text) => {
      const m = /^Time axis: ticks every (?:(\d+) )?(second|minute|hour|day)s?$/.exec(text);
      assert.ok(m, `announced: ${text}`);
      return Number(m[1] || 1) * { second: 1e3, minute: 6e4, hour: 36e5, day: 864e5 }[m[2]];
    };
    const durations = steps.map(ms);
    assert.ok(durations.every((d, i) => i === 0 || d <= durations[i - 1]), steps.join(' / '));
    assert.ok(durations[0] >= 30 * 6e4, `first zoom still coarse: ${steps[0]}`);
    // Minutes at the end: since #16 the full view keeps one time scale with
    // fewer breaks, so six steps in land on 1- to 5-minute ticks.
    assert.ok(durations[5] <= 5 * 6e4, steps.join(' / '));
    await el.screenshot({ path: shot('zoom-6') });

    // "-" undoes one "+" (both around the middle: no event is focused).
    await p.page.keyboard.press('-');
    assert.equal(await canvasDigest(p.page, '#postmortem'), views[5], '"-" zooms back out one step');
    await p.page.keyboard.press('Shift+ArrowLeft');
    assert.equal((await widgetState(p.page)).resetDisabled, false);

    await p.page.keyboard.press('0');
    let s = await widgetState(p.page);
    assert.equal(s.resetDisabled, true, '"0" resets: Reset is disabled again');
    assert.equal(await canvasDigest(p.page, '#postmortem'), full, '"0" draws the full view again, pixel for pixel');

    // The toolbar's buttons do the same.
    await p.page.click('#postmortem button[data-act=in]');
    await p.page.click('#postmortem button[data-act=in]');
    assert.notEqual(await canvasDigest(p.page, '#postmortem'), full);
    await p.page.click('#postmortem button[data-act=reset]');
    s = await widgetState(p.page);
    assert.equal(s.resetDisabled, true);
    assert.equal(await canvasDigest(p.page, '#postmortem'), full, 'Reset draws the full view again');
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- 5. narrow window, dark theme ----

test('320 px wide, light and dark: nothing wider than the window; tooltip and details stay on screen (screenshots)', async () => {
  for (const scheme of ['light', 'dark']) {
    const p = await h.openPage('/post-json.html', { viewport: { width: 320, height: 640 }, colorScheme: scheme });
    try {
      await p.waitForState('#postmortem', 'ready');
      if (scheme === 'dark') {
        await p.page.evaluate(() => document.querySelector('#postmortem').setAttribute('theme', 'dark'));
        await p.waitForState('#postmortem', 'ready');
        assertColor(await canvasPixel(p.page, '#postmortem', 1, 1), '#0d1117', 2, 'dark canvas background:');
        // The toolbar is legible on the dark card: light text on a dark box.
        const colors = await inShadow(p.page, '#postmortem', (root) => ({
          text: getComputedStyle(root.querySelector('button')).color,
          card: getComputedStyle(root.querySelector('.chart')).backgroundColor,
        }));
        assert.equal(colors.card, 'rgb(13, 17, 23)');
        assert.equal(colors.text, 'rgb(230, 237, 243)');
      }
      const el = await p.page.$('#postmortem');
      const fits = async (what) => {
        const o = await overflowing(p.page);
        assert.ok(o.scrollWidth <= 320, `${what}: the page scrolls sideways (${o.scrollWidth} px)`);
        assert.deepEqual(o.out, [], `${what}: boxes wider than the 320 px window`);
      };
      await fits(`${scheme}`);
      const canvasWidth = await inShadow(p.page, '#postmortem', (root) => root.querySelector('canvas').getBoundingClientRect().width);
      assert.ok(canvasWidth <= 320 && canvasWidth > 200, `canvas ${canvasWidth} px wide`);
      await el.scrollIntoViewIfNeeded();
      await el.screenshot({ path: shot(`320-${scheme}`) });

      // A tooltip near the bottom of the chart flips above the pointer. The
      // chart's bottom is its last lane band's: under 660 px a list of the
      // outages' times is drawn under the chart (#16), and the last lane is
      // brought to the bottom of the window.
      const { critical: crit, band: laneBand } = PALETTE[scheme];
      const px = await inspectCanvas(p.page, '#postmortem', { color: rgb(crit), band: rgb(laneBand), tolerance: 2 });
      const lanesBottom = px.bands.at(-1).bottom * (px.cssHeight / px.height);
      const bottomEvent = await inShadow(p.page, '#postmortem', (root, host, lanes) => {
        host.scrollIntoView({ block: 'start' });
        scrollBy(0, root.querySelector('canvas').getBoundingClientRect().top + lanes - innerHeight + 8);
        const r = root.querySelector('canvas').getBoundingClientRect();
        return { left: r.left, right: r.right, bottom: Math.min(r.top + lanes, innerHeight) };
      }, lanesBottom);
      let tipsSeen = 0;
      for (let y = bottomEvent.bottom - 4; y > bottomEvent.bottom - 160 && !tipsSeen; y -= 6) {
        for (let x = bottomEvent.left + 4; x < bottomEvent.right; x += 6) {
          await p.page.mouse.move(x, y);
          const s = await widgetState(p.page);
          if (!s.tip) continue;
          tipsSeen += 1;
          const bounds = {
            left: 0,
            top: Math.max(0, s.host.top),
            right: s.viewport.width,
            bottom: Math.min(s.viewport.height, s.host.bottom),
          };
          assertInside(s.tip.box, bounds, `tooltip at (${x}, ${y})`);
          await p.page.screenshot({ path: shot(`320-${scheme}-tooltip`) });
          break;
        }
      }
      assert.ok(tipsSeen, 'found an event near the bottom of the chart to hover');
      // And the first outage's tooltip, near the top.
      const tip = await hoverFirstOutage(p, '#postmortem', scheme, { merged: true });
      assert.ok(tip.text.includes('8:24'), `tooltip: ${tip.text}`);
      assert.ok(tip.box.left >= 0 && tip.box.right <= 320, `tooltip ${JSON.stringify(tip.box)}`);
      await p.page.mouse.move(1, 1);

      // The last event's details: inside the window, scrolled into it.
      await p.page.evaluate(() => document.querySelector('#postmortem').shadowRoot.querySelector('.chart').focus());
      await p.page.keyboard.press('End');
      await p.page.keyboard.press('Enter');
      const s = await widgetState(p.page);
      assert.ok(s.details, 'details shown');
      assert.equal(s.details.title, seed.events.at(-1).title);
      assertInside(s.details.box, { left: 0, top: 0, right: 320, bottom: s.viewport.height }, 'details panel');
      await fits(`${scheme}, details open`);
      await p.page.screenshot({ path: shot(`320-${scheme}-details`) });

      // The table view scrolls sideways inside its own box.
      await p.page.click('#postmortem button[data-act=table]');
      await fits(`${scheme}, table shown`);
      await p.assertClean();
    } finally {
      await p.close();
    }
  }
});

// ---- 6. table view ----

test('the Table button shows a table of all 30 events of the seed', async () => {
  const p = await h.openPage('/post-json.html');
  try {
    await p.waitForState('#postmortem', 'ready');
    const table = () =>
      inShadow(p.page, '#postmortem', (root) => {
        const wrap = root.querySelector('.table');
        const r = wrap.getBoundingClientRect();
        return {
          pressed: root.querySelector('[data-act=table]').getAttribute('aria-pressed'),
          shown: !wrap.classList.contains('sr-only') && r.width > 100 && r.height > 100 && wrap.checkVisibility(),
          head: [...wrap.querySelectorAll('thead th')].map((th) => th.textContent),
          rows: [...wrap.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent)),
        };
      });
    // Built after the first paint, in idle time: complete once tableReady resolves.
    await p.page.evaluate(() => document.querySelector('#postmortem').tableReady);
    const hidden = await table();
    assert.equal(hidden.pressed, 'false');
    assert.equal(hidden.shown, false, 'visually hidden until asked for');
    assert.equal(hidden.rows.length, 30, 'but there for screen readers');

    await p.page.click('#postmortem button[data-act=table]');
    const t = await table();
    assert.equal(t.pressed, 'true');
    assert.equal(t.shown, true);
    assert.deepEqual(t.head, ['Lane', 'Kind', 'Event', 'Start', 'End', 'Duration', 'Impact']);
    assert.equal(t.rows.length, 30);
    const titleColumn = t.head.indexOf('Event');
    const titles = t.rows.map((r) => r[titleColumn]);
    for (const title of titles) assert.ok(seed.events.some((e) => e.title === title), `row "${title}" is a seed event`);
    assert.deepEqual([...titles].sort(), seed.events.map((e) => e.title).sort(), 'every seed title, once per event');
    // The rows come in time order and read in the seed's zone.
    const startColumn = t.head.indexOf('Start');
    assert.equal(t.rows[0][titleColumn], firstOutage.title);
    assert.match(t.rows[0][startColumn], /8:24 AM PST/);
    await (await p.page.$('#postmortem')).screenshot({ path: shot('table-1280') });

    await p.page.click('#postmortem button[data-act=table]');
    const again = await table();
    assert.equal(again.pressed, 'false');
    assert.equal(again.shown, false);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- 7. CSS custom properties ----

test('--incident-timeline-outage (and -critical) from a stylesheet recolour the outage bars, critical ones too', async () => {
  const p = await h.openPage('/test/colors.html');
  try {
    await p.waitForState('#green', 'ready');
    await p.waitForState('#seed-green', 'ready');
    const green = rgb('#008000');

    // #green: --incident-timeline-outage only. Its four outages, the
    // critical one included (documented: critical follows the outage colour
    // unless --incident-timeline-critical is set), are green; none keeps a
    // default red.
    const px = await inspectCanvas(p.page, '#green', { color: green, tolerance: 2, band: rgb(LANE_BAND_LIGHT) });
    assert.ok(px.bands.length >= 1, `bands ${JSON.stringify(px.bands)}`);
    assert.equal(px.inBands[0].runs.length, 4, `four green bars: ${JSON.stringify(px.inBands[0].runs)}`);
    assert.ok(px.total >= 1000, `${px.total} green pixels`);
    assert.equal((await inspectCanvas(p.page, '#green', { color: rgb(OUTAGE_LIGHT), tolerance: 2 })).total, 0, 'no default outage red');
    assert.equal((await inspectCanvas(p.page, '#green', { color: rgb(CRITICAL_OUTAGE_LIGHT), tolerance: 2 })).total, 0, 'no default critical red');

    // #seed-green: both properties; the seed's four (critical) outages are green.
    const seedPx = await inspectCanvas(p.page, '#seed-green', { color: green, tolerance: 2, band: rgb(LANE_BAND_LIGHT) });
    assert.equal(seedPx.inBands[0].runs.length, 4, `four green bars: ${JSON.stringify(seedPx.inBands[0].runs)}`);
    assert.equal((await inspectCanvas(p.page, '#seed-green', { color: rgb(CRITICAL_OUTAGE_LIGHT), tolerance: 2 })).total, 0);

    // A site's own theme switch: a class on <html> that changes the
    // property. The chart follows, and back again.
    const blue = rgb('#0000ff');
    const bluePixels = () => inspectCanvas(p.page, '#green', { color: blue, tolerance: 2 }).then((r) => r.total);
    await p.page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'html.site-blue #green { --incident-timeline-outage: #0000ff; }';
      document.head.append(style);
      document.documentElement.classList.add('site-blue');
    });
    await p.page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
    assert.ok((await bluePixels()) >= 1000, 'the outages turned blue with the class on <html>');
    await p.page.evaluate(() => document.documentElement.classList.remove('site-blue'));
    await p.page.waitForFunction(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
    assert.equal(await bluePixels(), 0, 'green again without it');
    assert.ok((await inspectCanvas(p.page, '#green', { color: green, tolerance: 2 })).total >= 1000);

    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- large timelines ----

test('3,000 events in 2 lanes: lanes stop at 8 rows, the shared rows are painted merged, the keyboard still reaches every event', async () => {
  const p = await h.openPage('/test/bench.html', { viewport: { width: 1140, height: 900 } });
  try {
    const r = await p.page.evaluate(async () => {
      // Count the canvas's filled rectangles while the chart is drawn.
      const proto = CanvasRenderingContext2D.prototype;
      const fillRect = proto.fillRect;
      let fills = 0;
      proto.fillRect = function (...args) {
        fills += 1;
        return fillRect.apply(this, args);
      };
      const host = document.getElementById('host');
      host.style.width = '1100px';
      const el = document.createElement('incident-timeline');
      el.id = 'big';
      el.data = window.itBench.generate(3000, 2, 1);
      const ready = new Promise((ok) => el.addEventListener('incident-timeline:ready', (e) => ok(e.detail), { once: true }));
      host.append(el);
      const detail = await ready;
      proto.fillRect = fillRect;
      const ranges = el.data.events.filter((e) => e.kind !== 'milestone').length;
      return { detail, fills, ranges, height: el.shadowRoot.querySelector('canvas').clientHeight };
    });
    assert.deepEqual(r.detail, { title: 'Generated: 3000 events', events: 3000, lanes: 2 });
    // Two lanes of at most 8 rows of 24 px, plus the header and the axis,
    // and (#16) the list under the chart of the ranges whose times have no
    // room on it: its heading, at most 40 lines a column, "and N more".
    const list = 8 + 17 + 40 * 17 + 17;
    assert.ok(r.height < 2 * (8 * 24 + 8) + 250 + list, `canvas ${r.height} px tall`);
    // One fill per plain bar and two per degraded bar without merging: fewer
    // fills than bars means the shared rows were painted merged. The list
    // under the chart (#16, at most 120 entries) adds up to two fills per
    // swatch (a partial or hatched swatch is a block and a faint part).
    const listFills = 2 * 120;
    assert.ok(r.fills < r.ranges + listFills, `${r.fills} fills for ${r.ranges} bars`);

    // Every event is still reachable: End focuses the last one and announces it.
    const last = await p.page.evaluate(() => {
      const events = document.getElementById('big').data.events;
      return events.reduce((a, e) => ((e.at || e.start) >= (a.at || a.start) ? e : a)).title;
    });
    await p.page.evaluate(() => document.getElementById('big').shadowRoot.querySelector('.chart').focus());
    await p.page.keyboard.press('End');
    await p.page.waitForFunction(
      (title) => document.getElementById('big').shadowRoot.querySelector('[aria-live]').textContent.includes(title),
      last,
    );
    await p.assertClean();
  } finally {
    await p.close();
  }
});

// ---- 8. deep links ----

test('a #event-id link focuses that event and opens its details; a later hash change follows', async () => {
  const outage3 = seed.events.find((e) => e.id === 'outage-3');
  const p = await h.openPage('/post-json.html#outage-3');
  try {
    await p.waitForState('#postmortem', 'ready');
    const s = await widgetState(p.page);
    assert.ok(s.details, 'the details panel is open');
    assert.equal(s.details.title, outage3.title);
    assert.ok(s.details.text.includes('12:39'), `details: ${s.details.text}`);
    assert.ok(s.live.includes(outage3.title) && s.live.includes('12:39'), `announced: ${s.live}`);
    assert.ok(s.focusRing, 'the event has the focus ring');
    assert.ok(s.details.box.top < s.viewport.height && s.details.box.bottom > 0, 'the details are on screen');

    await p.page.evaluate(() => {
      location.hash = '#outage-1';
    });
    await p.page.waitForFunction(
      (title) => document.querySelector('#postmortem').shadowRoot.querySelector('.details h3')?.textContent === title,
      firstOutage.title,
    );
    assert.match((await widgetState(p.page)).details.text, /8:24/);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('a malformed #fragment ("#%zz") names no event and breaks nothing', async () => {
  const p = await h.openPage('/post-json.html#%zz');
  try {
    await p.waitForState('#postmortem', 'ready');
    assert.equal(await p.page.evaluate(() => document.querySelector('#postmortem').state), 'ready');
    await p.assertClean();
  } finally {
    await p.close();
  }
});
