// The engine-neutral layer of the shared browser tests (engines.test.mjs):
// one small interface over three drivers, so each test is written once and
// runs in every engine readers use.
//   chromium  playwright-core and Debian's Chromium, as the other tests;
//   firefox   puppeteer-core over WebDriver BiDi, Firefox ESR, headless;
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (W3C WebDriver
//             over HTTP on a local port, with the small client below),
//             under xvfb-run (MiniBrowser's --headless never starts a session).
// What a page did is seen the same way in all three: the test server puts a
// probe first in every HTML page's <head> (a same-origin <script src>, so it
// runs before the page's own scripts, and under a strict CSP) that records
// uncaught errors, unhandled rejections, console.error calls, CSP
// violations, dialogs, writes to window.__pwned and the widget's events;
// the server logs each request with its status, or that the browser gave up
// on it. Console errors and page errors also come from the driver where it
// reports them (Chromium, Firefox).
// Every browser, Xvfb, driver and temporary folder this starts is ended
// however the run ends: closed by the tests, by exit and signal handlers,
// and by a watchdog should the test process be killed outright.
//
// ENGINES=firefox,webkit (say) limits the engines engines.test.mjs runs in.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM, CHROMIUM_ARGS, MOUNTS, TIMEOUT } from './harness.mjs';

export const ENGINES = (process.env.ENGINES || 'chromium,firefox,webkit').split(',').filter(Boolean);

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || 'WebKitWebDriver';

const PROBE_PATH = '/__engines/probe.js';

// ---- the probe (runs in the page, before its own scripts) ----

function probe() {
  const p = { errors: [], rejections: [], console: [], violations: [], dialogs: [], pwned: [], events: [] };
  Object.defineProperty(window, '__itProbe', { value: p });
  addEventListener(
    'error',
    (e) => {
      // "ResizeObserver loop completed with undelivered notifications" is
      // the browser saying it will deliver some size changes a frame later
      // (WebKit reports it now and then while many widgets settle): not an
      // error of the page's, and the chart redraws on the next frame anyway.
      if (e instanceof ErrorEvent && !/^ResizeObserver loop/.test(e.message)) {
        p.errors.push(`${e.message} at ${e.filename}:${e.lineno}`);
      }
    },
    true,
  );
  addEventListener('unhandledrejection', (e) => {
    const r = e.reason;
    p.rejections.push(String((r && (r.stack || r.message)) || r));
  });
  const consoleError = console.error;
  console.error = function (...args) {
    p.console.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
    return consoleError.apply(this, args);
  };
  document.addEventListener(
    'securitypolicyviolation',
    (e) => p.violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} ${e.sample || ''} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  // A payload that opened a dialog would stop WebDriver's next command; here
  // it is only noted.
  for (const name of ['alert', 'confirm', 'prompt']) {
    window[name] = (message) => {
      p.dialogs.push(`${name}: ${message}`);
      return null;
    };
  }
  // What every payload of tests/fixtures/injection.json does if it runs.
  let pwned;
  Object.defineProperty(window, '__pwned', {
    get: () => pwned,
    set: (v) => {
      pwned = v;
      p.pwned.push(String(v));
    },
  });
  for (const type of ['incident-timeline:ready', 'incident-timeline:error']) {
    addEventListener(type, (e) => {
      let detail;
      try {
        detail = JSON.parse(JSON.stringify(e.detail));
      } catch {
        detail = String(e.detail);
      }
      p.events.push({ type, id: (e.target && e.target.id) || null, bubbles: e.bubbles, composed: e.composed, detail });
    });
  }
}

/** `html` with the probe's <script> first in its <head>. */
export function withProbe(html) {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const at = html.search(/<head(\s[^>]*)?>/i);
  if (at < 0) return tag + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + tag + html.slice(end);
}

/** A route answering `body` (a string or a function giving one) as HTML, with the probe. */
export function htmlRoute(body, headers = {}) {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(withProbe(typeof body === 'function' ? body() : body));
  };
}

/**
 * The test server: MOUNTS as in harness.mjs, `routes` first, the probe in
 * every HTML file, and a log of every request: { path, status, aborted }.
 */
export async function startSite({ routes = {} } = {}) {
  const probeSource = `(${probe})();\n`;
  const server = await startServer({
    port: 0,
    mounts: MOUNTS,
    transformHtml: withProbe,
    routes: {
      ...routes,
      [PROBE_PATH]: (req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        res.end(probeSource);
      },
    },
  });
  const log = [];
  server.server.on('request', (req, res) => {
    const entry = { path: req.url, status: 0, aborted: false };
    log.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    res.on('close', () => {
      if (!res.writableFinished) entry.aborted = true;
    });
  });
  return {
    url: server.url,
    log,
    async close() {
      server.server.closeAllConnections?.();
      await server.close();
    },
  };
}

// ---- what this layer starts: always ended, even when a test fails or the run is stopped ----

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/**
 * Process groups (each driver's browser, or xvfb-run and all under it),
 * temporary folders, and the watchdogs that end them should this process
 * be killed before it can.
 */
const owned = { groups: new Set(), dirs: new Set(), watchdogs: new Set() };

/** Ends everything at once (synchronous: it also runs as the process exits). */
function endAllNow() {
  const kill = (pid, signal) => {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  };
  for (const pgid of owned.groups) kill(-pgid, 'SIGKILL');
  owned.groups.clear();
  for (const dir of owned.dirs) rmSync(dir, { recursive: true, force: true });
  owned.dirs.clear();
  for (const pid of owned.watchdogs) kill(pid, 'SIGKILL');
  owned.watchdogs.clear();
}
process.on('exit', endAllNow);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    endAllNow();
    process.exit(code);
  });
}

/**
 * Starts a watchdog for process group `pgid` and `dirs`: a small shell in a
 * group of its own that, once this process is gone, kills the group and
 * removes the folders. It covers what no handler here can: this process
 * killed outright (the test runner's parent, a timeout, SIGKILL). Stopped,
 * by its pid, when the group is ended normally. Returns its pid.
 */
function watchdog(pgid, dirs) {
  const script = 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; [ "$2" -gt 1 ] && kill -KILL "-$2" 2>/dev/null; shift 2; rm -rf -- "$@"';
  const w = spawn('sh', ['-c', script, 'watchdog', String(process.pid), String(pgid), ...dirs], { detached: true, stdio: 'ignore' });
  w.unref();
  owned.watchdogs.add(w.pid);
  return w.pid;
}

function stopWatchdog(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
  owned.watchdogs.delete(pid);
}

/** The processes of group `pgid`: { pid, argv }. */
function groupMembers(pgid) {
  const members = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid pgrp ...
      const [, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid) members.push({ pid: Number(name), argv: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') });
    } catch {
      // gone meanwhile
    }
  }
  return members;
}

const exitOf = (child) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((done) => child.once('exit', done));

/**
 * Ends process group `child` (spawned detached): `first` (a pid in it) is
 * asked to stop and the group leader given `grace` ms to wind down by
 * itself; then whatever is left of the group is killed.
 */
async function endGroup(child, { first = child.pid, grace = 3000 } = {}) {
  try {
    process.kill(first, 'SIGTERM');
  } catch {
    // already gone
  }
  await Promise.race([exitOf(child), sleep(grace)]);
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // none left
  }
  await Promise.race([exitOf(child), sleep(grace)]);
  owned.groups.delete(child.pid);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// ---- drivers: each gives { version, newPage(), close() }; a page gives the raw operations ----


/**
 * A page of Playwright's (Chromium) or Puppeteer's (Firefox), whose APIs
 * agree on all used here, with its console errors, page errors and dialogs
 * recorded (dialogs dismissed). `viewport(w, h)` is the one call they name
 * differently.
 */
function drivenPage(page, context, viewport) {
  page.setDefaultTimeout(TIMEOUT);
  const native = { console: [], pageErrors: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') native.console.push({ text: m.text(), url: m.location()?.url || '' });
  });
  page.on('pageerror', (e) => native.pageErrors.push(String(e.stack || e.message || e)));
  page.on('dialog', (d) => {
    native.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return {
    native,
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    evaluate: (expression) => page.evaluate(expression),
    press: (key) => page.keyboard.press(key),
    move: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    viewport,
    screenshot: async () => Buffer.from(await page.screenshot()),
    close: () => context.close(),
  };
}

async function chromiumDriver() {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    version: `Chromium ${browser.version()}`,
    async newPage({ width, height }) {
      const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      return drivenPage(page, context, (w, h) => page.setViewportSize({ width: w, height: h }));
    },
    alive: async () => browser.isConnected(),
    close: () => browser.close(),
  };
}

async function firefoxDriver() {
  // A profile of our own (puppeteer leaves its temporary one behind when the
  // run is stopped), removed with the browser.
  const profile = mkdtempSync(join(tmpdir(), 'incident-timeline-firefox-'));
  owned.dirs.add(profile);
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      userDataDir: profile,
      protocolTimeout: TIMEOUT,
      extraPrefsFirefox: {
        // Nothing from outside while the tests run.
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
  } catch (e) {
    rmSync(profile, { recursive: true, force: true });
    owned.dirs.delete(profile);
    throw e;
  }
  // puppeteer starts Firefox in a process group of its own.
  const pid = browser.process()?.pid;
  if (pid) owned.groups.add(pid);
  const dog = watchdog(pid || 0, [profile]);
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    async newPage({ width, height }) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      return drivenPage(page, context, (w, h) => page.setViewport({ width: w, height: h }));
    },
    // A round trip (`browser.connected` can say true for a moment after
    // Firefox has gone, and `version()` is remembered).
    alive: () =>
      Promise.race([
        browser.createBrowserContext().then((c) => c.close()).then(() => true, () => false),
        sleep(5000).then(() => false),
      ]),
    async close() {
      await browser.close().catch(() => {});
      if (pid) owned.groups.delete(pid);
      rmSync(profile, { recursive: true, force: true });
      owned.dirs.delete(profile);
      stopWatchdog(dog);
    },
  };
}

/** W3C WebDriver key values (the "normalized key" code points) of the keys the tests press. */
const WEBDRIVER_KEYS = {
  Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Escape: '\uE00C', End: '\uE010', Home: '\uE011',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
};

async function webkitDriver() {
  const port = await freePort();
  // Its own process group: xvfb-run, Xvfb, the driver, MiniBrowser and
  // WebKit's helper processes all end with it.
  const child = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1920x1200x24 -nolisten tcp', WEBKIT_DRIVER, `--port=${port}`, '--host=127.0.0.1'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  owned.groups.add(child.pid);
  /** Notes xvfb-run's folder (Xvfb's -auth file is in it), to remove should xvfb-run not. */
  const noteFolder = (members) => {
    for (const m of members) {
      const auth = m.argv.indexOf('-auth');
      if (m.argv[0] === 'Xvfb' && auth > 0 && m.argv[auth + 1]?.startsWith(`${tmpdir()}/xvfb-run.`)) owned.dirs.add(dirname(m.argv[auth + 1]));
    }
  };
  /** Ends the driver first, so that xvfb-run stops its Xvfb and removes its folder itself. */
  const stop = async () => {
    const members = groupMembers(child.pid);
    noteFolder(members);
    const driver = members.find((m) => m.argv[0] === WEBKIT_DRIVER || m.argv[0].endsWith(`/${WEBKIT_DRIVER}`));
    await endGroup(child, { first: driver ? driver.pid : child.pid });
    for (const dir of owned.dirs) {
      if (dir.startsWith(`${tmpdir()}/xvfb-run.`)) {
        rmSync(dir, { recursive: true, force: true });
        owned.dirs.delete(dir);
      }
    }
    if (dog) stopWatchdog(dog);
  };
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const spawnError = new Promise((resolve) => child.once('error', resolve));
  const base = `http://127.0.0.1:${port}`;
  let dog = 0;

  async function call(method, path, body) {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT + 5000),
    }).catch((e) => {
      // The driver is gone (a timeout is left as it is).
      if (e.name === 'TimeoutError') throw e;
      throw new Error(`WebDriver ${method} ${path}: fetch failed: ${e.cause?.code || e.message}`);
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      const v = json.value || {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error || response.status}: ${v.message || ''}`);
    }
    return json.value;
  }

  let session = null;
  try {
    // The driver listens once Xvfb is up.
    const deadline = Date.now() + TIMEOUT;
    for (;;) {
      const failed = await Promise.race([spawnError, sleep(100)]);
      if (failed) throw new Error(`xvfb-run ${WEBKIT_DRIVER}: ${failed.message}`);
      if (child.exitCode !== null) throw new Error(`${WEBKIT_DRIVER} exited (${child.exitCode}): ${stderr}`);
      try {
        await call('GET', '/status');
        noteFolder(groupMembers(child.pid));
        dog = watchdog(child.pid, [...owned.dirs].filter((d) => d.startsWith(`${tmpdir()}/xvfb-run.`)));
        break;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`${WEBKIT_DRIVER} did not answer on ${base}: ${e.message} ${stderr}`);
      }
    }
    const created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          unhandledPromptBehavior: 'dismiss and notify',
        },
      },
    });
    session = `/session/${created.sessionId}`;
    await call('POST', `${session}/timeouts`, { script: TIMEOUT, pageLoad: TIMEOUT, implicit: 0 });
    const caps = created.capabilities;
    let pageOpen = false;
    return {
      version: `WebKitGTK ${caps.browserVersion} (${caps.browserName})`,
      async newPage({ width, height }) {
        // One window, reused: a test's page is the next one loaded in it.
        assert.equal(pageOpen, false, 'webkit: one page at a time');
        pageOpen = true;
        const self = {
          native: null, // MiniBrowser reports no console messages or page errors over WebDriver: the probe's are used
          goto: (url) => call('POST', `${session}/url`, { url }),
          async evaluate(expression) {
            const script =
              'const done = arguments[arguments.length - 1];' +
              `Promise.resolve().then(() => (${expression})).then(` +
              '(v) => done({ ok: true, value: v === undefined ? null : v }),' +
              '(e) => done({ ok: false, error: String((e && (e.stack || e.message)) || e) }));';
            const r = await call('POST', `${session}/execute/async`, { script, args: [] });
            if (!r.ok) throw new Error(`in the page: ${r.error}`);
            return r.value;
          },
          async press(key) {
            const value = WEBDRIVER_KEYS[key] || key;
            assert.equal([...value].length, 1, `webkit: no key named ${key}`);
            await call('POST', `${session}/actions`, {
              actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
            });
          },
          async move(x, y) {
            await call('POST', `${session}/actions`, {
              actions: [{
                type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
                actions: [{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }],
              }],
            });
          },
          async click(x, y) {
            await call('POST', `${session}/actions`, {
              actions: [{
                type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
                actions: [
                  { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
                  { type: 'pointerDown', button: 0 },
                  { type: 'pointerUp', button: 0 },
                ],
              }],
            });
          },
          async viewport(w, h) {
            // The window's size is set; the page gets it less MiniBrowser's
            // own bars, measured and added back.
            for (let i = 0; i < 3; i += 1) {
              const inner = await self.evaluate('[innerWidth, innerHeight]');
              if (inner[0] === w && inner[1] === h) return;
              const outer = await call('GET', `${session}/window/rect`);
              await call('POST', `${session}/window/rect`, {
                width: outer.width + (w - inner[0]),
                height: outer.height + (h - inner[1]),
              });
              await sleep(50);
            }
            const inner = await self.evaluate('[innerWidth, innerHeight]');
            assert.deepEqual(inner, [w, h], 'webkit: the viewport size');
          },
          screenshot: async () => Buffer.from(await call('GET', `${session}/screenshot`), 'base64'),
          async close() {
            pageOpen = false;
            await call('POST', `${session}/actions`, { actions: [] }).catch(() => {});
            await call('DELETE', `${session}/actions`).catch(() => {});
            await call('POST', `${session}/url`, { url: 'about:blank' }).catch(() => {});
          },
        };
        await self.goto('about:blank');
        await self.viewport(width, height);
        return self;
      },
      /** Whether the session (and its MiniBrowser) still answers. */
      alive: () => call('GET', `${session}/url`).then(() => true, () => false),
      async close() {
        await call('DELETE', session).catch(() => {});
        await stop();
      },
    };
  } catch (e) {
    if (session) await call('DELETE', session).catch(() => {});
    await stop();
    throw e;
  }
}

const DRIVERS = { chromium: chromiumDriver, firefox: firefoxDriver, webkit: webkitDriver };

// ---- the neutral page ----

/** `fn` (a function, or an expression as text) applied to JSON `args`, as an expression. */
function expressionOf(fn, args) {
  if (typeof fn === 'string') {
    assert.equal(args.length, 0, 'an expression takes no arguments');
    return fn;
  }
  return `(${fn})(...${JSON.stringify(args)})`;
}

/**
 * Starts `engine` ('chromium', 'firefox' or 'webkit') against `site`
 * (startSite()). `open(path, options)` gives a page; close it before
 * opening the next one.
 */
export async function launch(engine, site) {
  const start = DRIVERS[engine];
  assert.ok(start, `unknown engine ${engine}`);
  const driver = await start();

  async function open(path, { viewport = { width: 1280, height: 800 }, expectedHttpErrors = [] } = {}) {
    const raw = await driver.newPage(viewport);
    const mark = site.log.length;
    const expected = (url) => expectedHttpErrors.some((re) => re.test(url));
    const evaluate = (fn, ...args) => raw.evaluate(expressionOf(fn, args));

    const p = {
      engine,
      url: site.url,
      evaluate,

      /** Polls `fn(...args)` in the page until it returns something truthy, and returns that. */
      async waitFor(fn, ...args) {
        const expression = expressionOf(fn, args);
        const deadline = Date.now() + TIMEOUT;
        let last;
        for (;;) {
          try {
            last = await raw.evaluate(expression);
            if (last) return last;
          } catch (e) {
            last = e.message;
          }
          if (Date.now() > deadline) assert.fail(`${engine}: timed out waiting for ${String(fn).slice(0, 200)} (last: ${JSON.stringify(last)})`);
          await sleep(40);
        }
      },

      press: (key) => raw.press(key),
      mouseMove: (x, y) => raw.move(x, y),
      click: (x, y) => raw.click(x, y),
      setViewport: (width, height) => raw.viewport(width, height),

      /** Writes a PNG of the viewport to `file`; returns its width and height. */
      async screenshot(file) {
        const png = await raw.screenshot();
        assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${engine}: a PNG screenshot`);
        if (file) writeFileSync(file, png);
        return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
      },

      /** Requests the server saw since the page was opened: { path, status, aborted }. */
      requests: () => site.log.slice(mark),

      /** The probe's records. */
      probe: () => evaluate(() => window.__itProbe),

      /** Console errors: the driver's where it reports them, else the page's own console.error calls. */
      async consoleErrors() {
        if (!raw.native) return (await p.probe()).console;
        return raw.native.console
          .filter((m) => !(/^Failed to load resource/.test(m.text) && expected(m.url)))
          .map((m) => `${m.text} (${m.url})`);
      },

      /** Uncaught errors: the driver's and the probe's. */
      async pageErrors() {
        const { errors } = await p.probe();
        return [...(raw.native ? raw.native.pageErrors : []), ...errors];
      },

      /** Dialogs the page opened. */
      async dialogs() {
        return [...(raw.native ? raw.native.dialogs : []), ...(await p.probe()).dialogs];
      },

      /** Everything that went wrong on the page so far; [] when clean. */
      async problems() {
        const probed = await p.probe();
        return [
          ...(await p.consoleErrors()).map((t) => `console.error: ${t}`),
          ...(raw.native ? raw.native.pageErrors : []).map((t) => `page error: ${t}`),
          ...probed.errors.map((t) => `window.onerror: ${t}`),
          ...probed.rejections.map((t) => `unhandled rejection: ${t}`),
          ...p
            .requests()
            .filter((r) => r.status >= 400 && !expected(site.url + r.path))
            .map((r) => `HTTP ${r.status} ${r.path}`),
        ];
      },

      async assertClean(what = path) {
        assert.deepEqual(await p.problems(), [], `${engine}, ${what}: the page must have no errors`);
      },

      /** The recorded incident-timeline events, optionally of one type (`ready`/`error`) and element id. */
      async events(type, id) {
        const all = (await p.probe()).events;
        return all.filter((e) => (!type || e.type === `incident-timeline:${type}`) && (id === undefined || e.id === id));
      },

      /** Waits until element `id` has fired `count` events of `type`; returns the last. */
      async waitForEvent(id, type, count = 1) {
        await p.waitFor(
          (id, name, count) => window.__itProbe.events.filter((e) => e.type === name && e.id === id).length >= count,
          id,
          `incident-timeline:${type}`,
          count,
        );
        const list = await p.events(type, id);
        return list[list.length - 1];
      },

      /** Waits until the element is `ready` or `error` and asserts it is `want`. */
      async waitForState(selector, want) {
        const state = await p.waitFor((sel) => {
          const el = document.querySelector(sel);
          return el && (el.state === 'ready' || el.state === 'error') ? el.state : false;
        }, selector);
        if (state !== want) {
          const text = await p.errorText(selector);
          assert.equal(state, want, `${engine}: ${selector} reached ${state}${text ? `: ${text}` : ''}`);
        }
        return state;
      },

      /** Lets `n` animation frames pass. */
      frames(n = 3) {
        return evaluate(async (n) => {
          for (let i = 0; i < n; i += 1) await new Promise((done) => requestAnimationFrame(done));
          return null;
        }, n);
      },

      /** The text of the widget's shadow error box ('' when hidden). */
      errorText(selector) {
        return evaluate((sel) => {
          const box = document.querySelector(sel)?.shadowRoot?.querySelector('.error');
          return box && !box.hidden ? box.textContent : '';
        }, selector);
      },

      close: () => raw.close(),
    };

    try {
      await raw.goto(site.url + path);
      // The document itself came with a 2xx (the server saw it).
      const doc = p.requests().find((r) => r.path === path);
      assert.ok(doc && doc.status >= 200 && doc.status < 300, `${engine}: ${path}: HTTP ${doc && doc.status}`);
      await p.waitFor(() => document.readyState === 'complete' && !!window.__itProbe);
    } catch (e) {
      await raw.close().catch(() => {});
      throw e;
    }
    return p;
  }

  /**
   * Whether the browser is still there to drive: WebKitWebDriver's
   * MiniBrowser sessions now and then end under load on a 2-core machine,
   * and every test after would fail with them (engines.test.mjs then starts
   * another browser and runs the test once more: for this, nothing else).
   */
  const alive = () => driver.alive().catch(() => false);

  return { engine, version: driver.version, open, alive, close: () => driver.close() };
}
