// Shared setup for the browser tests (node --test + playwright-core, Debian
// Chromium). One static server (scripts/serve.mjs on a free port, with the
// test pages mounted at /test/) and one browser per test file; each page
// records everything that would mean "the widget broke the host page":
// console errors, page errors, window.onerror hits, unhandled rejections,
// failed requests and HTTP responses >= 400.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** URL prefix -> directory (relative to the repository root). */
export const MOUNTS = { '/pkg/': 'pkg', '/test/': 'tests/browser/pages', '/': 'www' };

/** Generous: the machine's cores are shared with builds. */
export const TIMEOUT = Number(process.env.BROWSER_TEST_TIMEOUT || 30000);

// Runs in every page before its own scripts (injected over CDP, so a strict
// CSP on the page does not block it). Records uncaught errors, unhandled
// rejections and every incident-timeline:ready / :error / :warning event that
// reaches window (so only events that bubble are seen), from the page's start:
// a listener added after load could miss one.
function probeScript() {
  const probe = { errors: [], rejections: [], events: [] };
  Object.defineProperty(window, '__itProbe', { value: probe });
  window.addEventListener(
    'error',
    (e) => {
      if (e instanceof ErrorEvent) {
        probe.errors.push({ message: e.message, source: e.filename, line: e.lineno, column: e.colno });
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    probe.rejections.push(String((r && (r.stack || r.message)) || r));
  });
  for (const type of ['incident-timeline:ready', 'incident-timeline:error', 'incident-timeline:warning']) {
    window.addEventListener(type, (e) => {
      let detail;
      try {
        detail = JSON.parse(JSON.stringify(e.detail));
      } catch {
        detail = String(e.detail);
      }
      probe.events.push({
        type,
        id: (e.target && e.target.id) || null,
        bubbles: e.bubbles,
        composed: e.composed,
        detail,
        time: performance.now(),
      });
    });
  }
}

/**
 * Starts the server (with extra `routes`/`headers`, and `mounts` instead of
 * MOUNTS if given) and a browser. Call `close()` when the file's tests are
 * done.
 */
export async function startHarness({ routes = {}, headers = {}, mounts = MOUNTS } = {}) {
  const server = await startServer({ port: 0, routes, headers, mounts });
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (e) {
    await server.close();
    throw e;
  }

  /**
   * Opens `path` in a fresh context. Options: `deviceScaleFactor`,
   * `viewport`, `colorScheme`, `expectedHttpErrors` (RegExps of URLs that
   * may answer >= 400; their "Failed to load resource" console errors are
   * then expected too), `waitUntil`, `initScript` (a function run in the
   * page before its own scripts).
   */
  async function openPage(path, options = {}) {
    const {
      deviceScaleFactor = 1,
      viewport = { width: 1280, height: 800 },
      colorScheme = 'light',
      expectedHttpErrors = [],
      waitUntil = 'load',
      initScript = null,
      // Called with the page before it navigates (to route its requests, say).
      setup = null,
    } = options;
    const context = await browser.newContext({ deviceScaleFactor, viewport, colorScheme });
    await context.addInitScript(probeScript);
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const expected = (url) => expectedHttpErrors.some((re) => re.test(url));
    const log = { console: [], pageErrors: [], http: [], failedRequests: [], abortedAfterResponse: [], requests: [] };
    page.on('console', (m) => {
      if (m.type() !== 'error') return;
      const url = m.location()?.url || '';
      if (/^Failed to load resource/.test(m.text()) && expected(url)) return;
      log.console.push(`${m.text()} (${url})`);
    });
    page.on('pageerror', (e) => log.pageErrors.push(String(e.stack || e.message || e)));
    page.on('request', (r) => log.requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400 && !expected(r.url())) log.http.push(`${r.status()} ${r.url()}`);
    });
    // Chromium sometimes reports a fetch whose body was read to the end with
    // a stream reader as net::ERR_ABORTED (the loader is released before its
    // completion message arrives; plain fetch + getReader does it too). Such
    // a request got its whole answer, so it is only a failure if that
    // answer was itself an error.
    const settling = [];
    page.on('requestfailed', (r) => {
      const error = r.failure()?.errorText;
      settling.push(
        (async () => {
          const response = error === 'net::ERR_ABORTED' ? await r.response().catch(() => null) : null;
          if (response && response.status() < 400) log.abortedAfterResponse.push(r.url());
          else log.failedRequests.push(`${error} ${r.url()}`);
        })(),
      );
    });

    if (setup) await setup(page);
    const response = await page.goto(server.url + path, { waitUntil });
    assert.ok(response && response.ok(), `${path}: HTTP ${response && response.status()}`);

    const p = {
      page,
      context,
      log,
      url: server.url,

      /** Everything that went wrong on the page so far; [] when clean. */
      async problems() {
        await Promise.all(settling);
        const probe = await page.evaluate(() => ({
          errors: window.__itProbe.errors,
          rejections: window.__itProbe.rejections,
        }));
        return [
          ...log.console.map((t) => `console.error: ${t}`),
          ...log.pageErrors.map((t) => `page error: ${t}`),
          ...probe.errors.map((e) => `window.onerror: ${e.message} at ${e.source}:${e.line}`),
          ...probe.rejections.map((t) => `unhandled rejection: ${t}`),
          ...log.http.map((t) => `HTTP ${t}`),
          ...log.failedRequests.map((t) => `request failed: ${t}`),
        ];
      },

      async assertClean(what = path) {
        assert.deepEqual(await p.problems(), [], `${what}: the page must have no errors`);
      },

      /** The recorded incident-timeline events, optionally of one type (`ready`/`error`/`warning`) and element id. */
      async events(type, id) {
        const all = await page.evaluate(() => window.__itProbe.events);
        return all.filter(
          (e) => (!type || e.type === `incident-timeline:${type}`) && (id === undefined || e.id === id),
        );
      },

      /** Waits until element `id` has fired `count` events of `type`; returns the last. */
      async waitForEvent(id, type, count = 1) {
        await page.waitForFunction(
          ({ id, name, count }) =>
            window.__itProbe.events.filter((e) => e.type === name && e.id === id).length >= count,
          { id, name: `incident-timeline:${type}`, count },
          { timeout: TIMEOUT },
        );
        const list = await p.events(type, id);
        return list[list.length - 1];
      },

      /**
       * Waits until the element reaches `ready` or `error` (its `state`
       * getter) and asserts it is `want`; on a mismatch the message
       * includes the widget's error text.
       */
      async waitForState(selector, want) {
        const handle = await page.waitForFunction(
          (sel) => {
            const el = document.querySelector(sel);
            return el && (el.state === 'ready' || el.state === 'error') ? el.state : false;
          },
          selector,
          { timeout: TIMEOUT },
        );
        const state = await handle.jsonValue();
        if (state !== want) {
          const text = await p.errorText(selector);
          assert.equal(state, want, `${selector} reached ${state}${text ? `: ${text}` : ''}`);
        }
        return state;
      },

      /** Lets `n` animation frames pass (resize-driven re-renders run in one). */
      frames(n = 3) {
        return page.evaluate(async (n) => {
          for (let i = 0; i < n; i += 1) await new Promise((done) => requestAnimationFrame(done));
        }, n);
      },

      /** The text of the widget's shadow error box ('' when hidden). */
      errorText(selector) {
        return page.evaluate((sel) => {
          const box = document.querySelector(sel)?.shadowRoot?.querySelector('.error');
          return box && !box.hidden ? box.textContent : '';
        }, selector);
      },

      close: () => context.close(),
    };
    return p;
  }

  return {
    url: server.url,
    browser,
    openPage,
    async close() {
      await browser.close().catch(() => {});
      server.server.closeAllConnections?.();
      await server.close();
    },
  };
}

// ---- canvas pixels (evaluated in the page) ----

/** [r, g, b] of '#rrggbb'. */
export function rgb(hex) {
  const v = parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/**
 * Reads the widget's canvas and reports, for `color` (within `tolerance`
 * per channel): the number of matching pixels in each row band given, and
 * the horizontal runs of columns holding a match inside `rows`.
 * `band` (optional) is the colour of the shaded lane bands, found as runs of
 * rows mostly of that colour.
 */
export function inspectCanvas(page, selector, { color, tolerance = 6, band } = {}) {
  return page.evaluate(
    ({ selector, color, tolerance, band }) => {
      const canvas = document.querySelector(selector).shadowRoot.querySelector('canvas');
      const { width, height } = canvas;
      const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
      const near = (i, c) =>
        Math.abs(data[i] - c[0]) <= tolerance &&
        Math.abs(data[i + 1] - c[1]) <= tolerance &&
        Math.abs(data[i + 2] - c[2]) <= tolerance &&
        data[i + 3] === 255;
      // Lane bands: runs of rows where at least 20 % of the pixels have the
      // band colour (bars, grid lines, breaks and labels take the rest), runs
      // less than 10 rows apart merged (rows crossed by wide bars and labels).
      const bands = [];
      if (band) {
        let start = -1;
        for (let y = 0; y <= height; y += 1) {
          let n = 0;
          if (y < height) for (let x = 0; x < width; x += 1) if (near((y * width + x) * 4, band)) n += 1;
          const inBand = n >= 0.2 * width;
          if (inBand && start < 0) start = y;
          if (!inBand && start >= 0) {
            const last = bands[bands.length - 1];
            if (last && start - last.bottom < 10) last.bottom = y;
            else bands.push({ top: start, bottom: y });
            start = -1;
          }
        }
      }
      const perRow = new Array(height).fill(0);
      for (let y = 0; y < height; y += 1) {
        for (let x = 0; x < width; x += 1) {
          if (near((y * width + x) * 4, color)) perRow[y] += 1;
        }
      }
      const pixel = (x, y) => Array.from(data.slice((y * width + x) * 4, (y * width + x) * 4 + 4));
      /** Matches in rows [top, bottom), and runs of columns with a match (gaps <= 2 px merged). */
      const within = (top, bottom) => {
        let count = 0;
        for (let y = top; y < bottom; y += 1) count += perRow[y];
        const runs = [];
        let run = null;
        for (let x = 0; x < width; x += 1) {
          let hit = false;
          for (let y = top; y < bottom && !hit; y += 1) hit = near((y * width + x) * 4, color);
          if (hit) {
            if (run && x - run.right <= 3) run.right = x + 1;
            else runs.push((run = { left: x, right: x + 1 }));
          }
        }
        return { count, runs };
      };
      const result = {
        width,
        height,
        cssWidth: canvas.getBoundingClientRect().width,
        cssHeight: canvas.getBoundingClientRect().height,
        total: perRow.reduce((a, b) => a + b, 0),
        perRow,
        bands,
        corner: pixel(1, 1),
      };
      result.inBands = bands.map((b) => ({ ...b, ...within(b.top, b.bottom) }));
      return result;
    },
    { selector, color, tolerance, band },
  );
}

/** A hash of the widget's canvas pixels (to tell whether it was redrawn differently). */
export function canvasDigest(page, selector) {
  return page.evaluate(async (sel) => {
    const canvas = document.querySelector(sel).shadowRoot.querySelector('canvas');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const hash = await crypto.subtle.digest('SHA-256', data);
    return `${canvas.width}x${canvas.height}:` + Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
  }, selector);
}

/** The colour of pixel (x, y) of the widget's canvas, [r, g, b, a]. */
export function canvasPixel(page, selector, x, y) {
  return page.evaluate(
    ({ sel, x, y }) => {
      const canvas = document.querySelector(sel).shadowRoot.querySelector('canvas');
      return Array.from(canvas.getContext('2d').getImageData(x, y, 1, 1).data);
    },
    { sel: selector, x, y },
  );
}

/** Asserts [r, g, b(, a)] is within `tolerance` of '#rrggbb'. */
export function assertColor(actual, hex, tolerance = 2, message = '') {
  const want = rgb(hex);
  const ok = want.every((c, i) => Math.abs(actual[i] - c) <= tolerance);
  assert.ok(ok, `${message} expected ~${hex}, got rgb(${actual.slice(0, 3).join(', ')})`);
}
