// The element's lifecycle (issue 6): removed and added again, its `src`
// switched faster than loads finish (the last one wins, nothing stale is
// drawn, superseded downloads are aborted), removed while loading, and
// re-rendered a hundred times by attribute toggles and `.data` sets without
// leaking listeners, elements, wasm objects, JS heap or wasm memory.
// Pages load the element from the ES modules (tests/browser/pages/
// module-host.js) so the wasm memory can be measured.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, canvasDigest } from './harness.mjs';

/** Requests to /test/slow.json, by title: 'answered' or 'aborted'. */
const fates = new Map();

/** A one-event timeline titled `title`. */
function doc(title, minutes = 30) {
  const start = Date.UTC(2024, 4, 1, 8, 0);
  return {
    version: 1,
    title,
    timezone: 'UTC',
    events: [
      { kind: 'outage', title: `${title}: outage`, start: new Date(start).toISOString(), end: new Date(start + minutes * 60000).toISOString() },
      { kind: 'milestone', title: `${title}: resolved`, at: new Date(start + (minutes + 10) * 60000).toISOString() },
    ],
  };
}

let h;
before(async () => {
  h = await startHarness({
    routes: {
      // /test/slow.json?title=A&ms=1500: a timeline titled A, after ms.
      '/test/slow.json': (req, res, url) => {
        const title = url.searchParams.get('title');
        const ms = Number(url.searchParams.get('ms') || 0);
        const timer = setTimeout(() => {
          fates.set(title, 'answered');
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(doc(title)));
        }, ms);
        res.on('close', () => {
          if (!res.writableFinished) {
            clearTimeout(timer);
            fates.set(title, 'aborted');
          }
        });
      },
    },
  });
});
after(() => h?.close());

async function openLifecycle() {
  const p = await h.openPage('/test/lifecycle.html');
  await p.page.waitForFunction(() => window.__itCore && customElements.get('incident-timeline'));
  return p;
}

/** Adds a widget to #host; `props` sets .data or attributes. */
function add(page, id, { data, src, attrs = {} } = {}) {
  return page.evaluate(({ id, data, src, attrs }) => {
    const el = document.createElement('incident-timeline');
    el.id = id;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (src) el.setAttribute('src', src);
    if (data !== undefined) el.data = data;
    document.querySelector('#host').append(el);
  }, { id, data, src, attrs });
}

/** Listeners on window, by type (CDP). */
async function windowListeners(cdp) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  const count = {};
  for (const l of listeners) count[l.type] = (count[l.type] || 0) + 1;
  return count;
}

/** Live objects whose prototype is what `expression` evaluates to, after a full GC (CDP). */
async function liveCount(cdp, expression) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  return result.value;
}

/** JS heap in use after a full GC, and the wasm instance's memory (bytes). */
async function memory(cdp, page) {
  // Finalizers (wasm-bindgen frees dropped Charts with them) run after a GC.
  await cdp.send('HeapProfiler.collectGarbage');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__itWasmBytes());
  return { heap: usedSize, wasm };
}

const MB = 1024 * 1024;

/** The page's problems but the aborted downloads of these /test/slow.json titles (superseded on purpose). */
async function assertCleanBut(p, abortedTitles) {
  const expected = abortedTitles.map((t) => new RegExp(`^request failed: net::ERR_ABORTED .*/test/slow\\.json\\?title=${t}&`));
  const problems = await p.problems();
  const unexpected = problems.filter((line) => !expected.some((re) => re.test(line)));
  assert.deepEqual(unexpected, [], 'the page must have no other errors');
  // An abort that lands after the response headers (a fast answer on a
  // loaded machine) is recorded apart, as aborted after its response.
  const late = p.log.abortedAfterResponse.map((url) => `request failed: net::ERR_ABORTED ${url}`);
  for (const [i, re] of expected.entries()) {
    assert.ok([...problems, ...late].some((line) => re.test(line)), `the browser saw download ${abortedTitles[i]} aborted`);
  }
}

test('removed and added again, 100 times: draws each time, the same chart, no listener left behind', async () => {
  const p = await openLifecycle();
  const cdp = await p.context.newCDPSession(p.page);
  try {
    const baseline = await windowListeners(cdp);
    await add(p.page, 'w', { data: doc('Moved around') });
    await p.waitForState('#w', 'ready');
    await p.waitForEvent('w', 'ready', 1);
    const first = await canvasDigest(p.page, '#w');
    const connected = await windowListeners(cdp);
    assert.equal((connected.hashchange || 0) - (baseline.hashchange || 0), 1, 'one hashchange listener while connected');

    // Removed: its window listeners go.
    await p.page.evaluate(() => {
      window.__itParked = document.querySelector('#w');
      window.__itParked.remove();
    });
    assert.deepEqual(await windowListeners(cdp), baseline, 'no window listener left by a removed widget');

    // 100 times removed and added back (alternating parents).
    for (let i = 0; i < 100; i += 1) {
      await p.page.evaluate((i) => {
        const el = window.__itParked;
        el.remove();
        (i % 2 ? document.querySelector('#host') : document.body).append(el);
      }, i);
      await p.waitForState('#w', 'ready');
      await p.waitForEvent('w', 'ready', i + 2);
    }
    await p.frames();
    await p.page.evaluate(() => document.querySelector('#host').append(document.querySelector('#w')));
    await p.waitForEvent('w', 'ready', 102);
    await p.frames();
    assert.equal(await canvasDigest(p.page, '#w'), first, 'the same chart after 100 moves');
    assert.deepEqual(await windowListeners(cdp), connected, 'listeners on window: as with one connected widget');
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await cdp.detach().catch(() => {});
    await p.close();
  }
});

test('src switched faster than loads finish: the last one wins, nothing stale is drawn, the others are aborted', async () => {
  const p = await openLifecycle();
  try {
    // Slow, slower, then fast: C answers first and must be what stays.
    await add(p.page, 'w', { src: '/test/slow.json?title=A&ms=1500' });
    await p.page.evaluate(() => {
      const el = document.querySelector('#w');
      el.setAttribute('src', '/test/slow.json?title=B&ms=800');
      el.setAttribute('src', '/test/slow.json?title=C&ms=0');
    });
    await p.waitForState('#w', 'ready');
    assert.equal((await p.waitForEvent('w', 'ready')).detail.title, 'C');
    const c = await canvasDigest(p.page, '#w');
    // Past A's and B's answers: still C, one ready event, no error.
    await p.page.waitForTimeout(1800);
    assert.deepEqual((await p.events('ready', 'w')).map((e) => e.detail.title), ['C']);
    assert.equal(await canvasDigest(p.page, '#w'), c, 'no stale redraw');
    assert.equal(fates.get('A'), 'aborted', 'the superseded download A was aborted');
    // B was superseded in the task that started it: like F below, it may
    // never reach the server (on a loaded machine it did not). The browser
    // saw it aborted either way (assertCleanBut, below).
    assert.ok([undefined, 'aborted'].includes(fates.get('B')), `B: ${fates.get('B')}`);
    assert.equal(fates.get('C'), 'answered');

    // Fast, then slow: the slow last one wins; the fast one never shows.
    await p.page.evaluate(() => {
      const el = document.querySelector('#w');
      el.setAttribute('src', '/test/slow.json?title=D&ms=0');
      el.setAttribute('src', '/test/slow.json?title=E&ms=700');
    });
    await p.waitForEvent('w', 'ready', 2);
    await p.page.waitForTimeout(200);
    assert.deepEqual((await p.events('ready', 'w')).map((e) => e.detail.title), ['C', 'E']);
    assert.equal(await p.page.evaluate(() => document.querySelector('#w').state), 'ready');

    // The same chart as a fresh widget given E.
    await add(p.page, 'fresh', { data: doc('E') });
    await p.waitForState('#fresh', 'ready');
    assert.equal(await canvasDigest(p.page, '#w'), await canvasDigest(p.page, '#fresh'));

    // src, then .data before src answers: .data wins; src never shows.
    await p.page.evaluate((data) => {
      const el = document.querySelector('#w');
      el.setAttribute('src', '/test/slow.json?title=F&ms=500');
      el.data = data;
    }, doc('G'));
    await p.waitForEvent('w', 'ready', 3);
    await p.page.waitForTimeout(700);
    assert.deepEqual((await p.events('ready', 'w')).map((e) => e.detail.title), ['C', 'E', 'G']);
    // Aborted at once, F may never reach the server (on a loaded machine it
    // did not): the server saw it aborted or not at all, and the browser
    // saw it aborted (assertCleanBut, below).
    assert.ok([undefined, 'aborted'].includes(fates.get('F')), `F: ${fates.get('F')}`);
    assert.deepEqual(await p.events('error'), []);
    await assertCleanBut(p, ['A', 'B', 'D', 'F']);
  } finally {
    await p.close();
  }
});

test('elements upgraded in place (the module build defines the element after parsing) fetch their src once', async () => {
  const p = await h.openPage('/test/trap-module.html');
  try {
    await p.waitForState('#a', 'ready');
    await p.waitForState('#b', 'ready');
    for (const file of ['seed-postmortem.json', 'dst-change.json']) {
      assert.equal(p.log.requests.filter((u) => u.endsWith(`/examples/${file}`)).length, 1, `${file}: one request`);
    }
    assert.equal((await p.events('ready', 'a')).length, 1);
    await p.assertClean();
  } finally {
    await p.close();
  }
});

test('removed while loading: no late ready or error, the download is aborted; added back it loads', async () => {
  const p = await openLifecycle();
  try {
    await add(p.page, 'w', { src: '/test/slow.json?title=H&ms=600' });
    await p.page.waitForTimeout(100);
    await p.page.evaluate(() => {
      window.__itParked = document.querySelector('#w');
      window.__itParked.remove();
    });
    await p.page.waitForTimeout(900);
    assert.deepEqual(await p.events('ready', 'w'), [], 'no ready after removal');
    assert.deepEqual(await p.events('error', 'w'), [], 'no error after removal');
    assert.equal(fates.get('H'), 'aborted');
    fates.delete('H');
    await p.page.evaluate(() => document.querySelector('#host').append(window.__itParked));
    await p.waitForState('#w', 'ready');
    assert.equal((await p.waitForEvent('w', 'ready')).detail.title, 'H');
    assert.equal(fates.get('H'), 'answered');
    await assertCleanBut(p, ['H']);
  } finally {
    await p.close();
  }
});

test('100 attribute toggles, 100 .data sets, 100 widgets made and dropped: no growth in heap, wasm memory or live objects', async () => {
  const p = await openLifecycle();
  const cdp = await p.context.newCDPSession(p.page);
  try {
    await add(p.page, 'w', { data: doc('Toggled', 30) });
    await p.waitForState('#w', 'ready');
    const count = { ready: 1 };
    const cycle = async (n) => {
      for (let i = 0; i < n; i += 1) {
        // Attributes: theme and zone re-render synchronously.
        await p.page.evaluate((i) => {
          const el = document.querySelector('#w');
          el.setAttribute('theme', i % 2 ? 'dark' : 'light');
          el.setAttribute('time-zone', i % 2 ? 'Asia/Kolkata' : 'UTC');
        }, i);
        // .data: a new timeline each time (a new wasm Chart, the old freed).
        await p.page.evaluate((data) => { document.querySelector('#w').data = data; }, doc(`Data ${i}`, 10 + (i % 7) * 10));
        count.ready += 1;
        await p.waitForEvent('w', 'ready', count.ready);
        // A widget of its own, drawn and dropped.
        await add(p.page, `tmp${i}`, { data: doc(`Temporary ${i}`) });
        await p.waitForState(`#tmp${i}`, 'ready');
        await p.page.evaluate((i) => document.querySelector(`#tmp${i}`).remove(), i);
      }
      await p.frames();
    };

    await cycle(20); // warm-up: caches, JIT, the allocator's first growth
    const before = await memory(cdp, p.page);
    await cycle(100);
    const afterward = await memory(cdp, p.page);
    const growth = { heap: afterward.heap - before.heap, wasm: afterward.wasm - before.wasm };
    console.log(`# memory after warm-up ${JSON.stringify(before)}, after 100 more cycles ${JSON.stringify(afterward)}`);
    assert.ok(growth.heap < 1 * MB, `JS heap grew by ${(growth.heap / MB).toFixed(2)} MB over 100 cycles`);
    assert.ok(growth.wasm <= 1 * MB, `wasm memory grew by ${(growth.wasm / MB).toFixed(2)} MB over 100 cycles`);

    // Dropped widgets are collected; only the connected one's chart lives.
    assert.equal(await liveCount(cdp, 'IncidentTimelineElement.prototype'), 1, 'live <incident-timeline> elements');
    assert.equal(await liveCount(cdp, 'window.__itCore.run((c) => c.Chart.prototype)'), 1, 'live wasm Chart wrappers');
    assert.equal((await p.waitForEvent('w', 'ready', count.ready)).detail.title, 'Data 99');
    assert.equal(await p.page.evaluate(() => document.querySelectorAll('incident-timeline').length), 1);
    assert.deepEqual(await p.events('error'), []);
    await p.assertClean();
  } finally {
    await cdp.detach().catch(() => {});
    await p.close();
  }
});
