// Browser checks shared by the packaging tests: a built site served by
// scripts/serve.mjs (through tests/browser/harness.mjs, which records every
// error on the page) and opened in Chromium, with and without JavaScript.
import assert from 'node:assert/strict';
import { startHarness, TIMEOUT } from '../browser/harness.mjs';

/** Serves `dir` (absolute) at / and starts Chromium. */
export function serveSite(dir) {
  return startHarness({ mounts: { '/': dir } });
}

/**
 * The widget `selector` took over from its fallback and is interactive:
 * state `ready`, the server-rendered SVG no longer shown, a tooltip on
 * hover over a bar, and the Table button showing a table of the events.
 */
export async function assertInteractive(p, selector, { events } = {}) {
  await p.waitForState(selector, 'ready');
  const { page } = p;
  assert.equal(await page.locator(`${selector} > svg`).isVisible(), false, `${selector}: the static SVG is hidden once the chart is up`);
  const canvas = page.locator(`${selector} canvas`);
  const box = await canvas.boundingBox();
  assert.ok(box && box.width > 200 && box.height > 100, `${selector}: the canvas is drawn (${JSON.stringify(box)})`);

  // Hover: the pointer over a bar. Bars are the chart's saturated colours
  // (text, grid and bands are grey): try the middles of solid runs of them.
  const tip = page.locator(`${selector} .tip`);
  const spots = await page.evaluate((sel) => {
    const c = document.querySelector(sel).shadowRoot.querySelector('canvas');
    const { data, width, height } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const scale = c.width / c.getBoundingClientRect().width;
    const saturated = (x, y) => {
      const i = (y * width + x) * 4;
      return Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60;
    };
    const found = [];
    for (let y = 2; y < height - 2 && found.length < 12; y += 4) {
      let run = 0;
      for (let x = 0; x < width; x += 1) {
        run = saturated(x, y) && saturated(x, y - 2) && saturated(x, y + 2) ? run + 1 : 0;
        if (run === Math.round(12 * scale)) {
          found.push({ x: (x - run / 2) / scale, y: y / scale });
          y += Math.round(10 * scale);
          break;
        }
      }
    }
    return found;
  }, selector);
  let hovered = false;
  for (const spot of spots) {
    await page.mouse.move(box.x + spot.x, box.y + spot.y);
    hovered = await tip.isVisible();
    if (hovered) break;
  }
  assert.ok(hovered, `${selector}: hovering an event shows its tooltip (tried ${JSON.stringify(spots)})`);
  assert.ok((await tip.textContent()).trim().length > 0, `${selector}: the tooltip says something`);
  await page.mouse.move(0, 0);

  // The table view.
  const button = page.locator(`${selector} button[data-act="table"]`);
  await button.click({ timeout: TIMEOUT });
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  const rows = page.locator(`${selector} .table tbody tr`);
  await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT });
  // Built in idle time after the first paint: complete once tableReady resolves.
  await page.locator(selector).evaluate((el) => el.tableReady);
  if (events != null) assert.equal(await rows.count(), events, `${selector}: one table row per event`);
}

/**
 * Opens `url` with JavaScript off; returns the page (close its context when
 * done). What a reader without JavaScript sees.
 */
export async function openWithoutScript(h, path) {
  const context = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const response = await page.goto(h.url + path);
  assert.ok(response && response.ok(), `${path}: HTTP ${response && response.status()}`);
  return { page, close: () => context.close() };
}

/**
 * The sites' failover post holds two fences: "Database failover" (4 events)
 * and one titled to break out of a <script> if the JSON were not escaped.
 */
export const HOSTILE_TITLE = 'Cache </script><img src=x onerror=alert(1)> flush';

/** Without JavaScript, the post at `path` shows both server-rendered SVGs, full size. */
export async function assertServerSvgs(h, path) {
  const { page, close } = await openWithoutScript(h, path);
  try {
    const svgs = page.locator('incident-timeline > svg');
    assert.equal(await svgs.count(), 2);
    for (let i = 0; i < 2; i += 1) {
      assert.ok(await svgs.nth(i).isVisible());
      const box = await svgs.nth(i).boundingBox();
      assert.ok(box && box.width >= 700 && box.height > 100, JSON.stringify(box));
    }
    assert.equal(await svgs.first().locator('title').textContent(), 'Database failover');
    assert.equal(await svgs.nth(1).locator('title').textContent(), HOSTILE_TITLE);
  } finally {
    await close();
  }
}

/**
 * With JavaScript, both widgets of the post at `path` take over: the first
 * is interactive, the hostile title arrived whole and as text, nothing ran.
 */
export async function assertWidgetsTakeOver(h, path) {
  const p = await h.openPage(path);
  try {
    await p.page.evaluate(() => document.querySelectorAll('incident-timeline').forEach((el, i) => (el.id = `t${i}`)));
    await assertInteractive(p, '#t0', { events: 4 });
    await p.waitForState('#t1', 'ready');
    const titles = (await p.events('ready')).map((e) => e.detail.title).sort();
    assert.deepEqual(titles, [HOSTILE_TITLE, 'Database failover']);
    assert.equal(await p.page.locator('img').count(), 0, 'the title never became an <img>');
    // Format v1 charts never fetch the importers' full core (a chunk loaded only for feeds).
    const full = p.log.requests.filter((u) => /incident_timeline_bg[.-]/.test(u));
    assert.deepEqual(full, [], 'a page of format v1 charts does not download the full core');
    await p.assertClean();
  } finally {
    await p.close();
  }
}
